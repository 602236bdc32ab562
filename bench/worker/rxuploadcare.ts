import { createReadStream } from 'node:fs';
import { concatMap, count, filter, from, lastValueFrom, mergeMap, range } from 'rxjs';
import { deleteFiles, File, FileList, fromPath, fromStream, ImageTransformation, storeFiles, toFile, Uploadcare, uploadFile, uploadFromUrlSync } from '../../lib/node.js';
import { readUuids, smallFiles } from './inputs.js';
import { THUMBNAIL_EFFECTS, type Endpoint } from './protocol.js';
import type { SideRunners } from './side.js';

function clientOf(endpoint: Endpoint): Uploadcare {
  const base = `${endpoint.base}/`;
  return new Uploadcare({ publicKey: endpoint.publicKey, secretKey: endpoint.secretKey, restBase: base, uploadBase: base, cdnBase: base });
}

/** rxuploadcare, used as its README shows: each task is one Observable, awaited with `lastValueFrom`. */
export const rxuploadcareSide: SideRunners = {
  list: async (endpoint, task) => {
    const client = clientOf(endpoint);
    return () => lastValueFrom(new FileList({ requestLimit: task.pageSize }, client).pipe(count((file) => file.uuid.length === 36)));
  },
  multipart: async (endpoint, task) => {
    const client = clientOf(endpoint);
    return async () => {
      const file = await lastValueFrom(uploadFile(fromPath(task.path), { store: true }, client).pipe(toFile()));
      return file.uuid ? 1 : 0;
    };
  },
  'multipart-stream': async (endpoint, task) => {
    const client = clientOf(endpoint);
    return async () => {
      const file = await lastValueFrom(uploadFile(fromStream(createReadStream(task.path), { size: task.size }), { store: true }, client).pipe(toFile()));
      return file.uuid ? 1 : 0;
    };
  },
  'small-uploads': async (endpoint, task) => {
    const client = clientOf(endpoint);
    const files = smallFiles(task.count, task.size);
    return () =>
      lastValueFrom(
        from(files).pipe(
          mergeMap((bytes) => uploadFile(bytes, { store: true }, client).pipe(toFile()), task.concurrency),
          count(),
        ),
      );
  },
  'from-url': async (endpoint, task) => {
    const client = clientOf(endpoint);
    return async () => {
      const file = await lastValueFrom(uploadFromUrlSync(task.url, { store: true }, client));
      return file.uuid ? 1 : 0;
    };
  },
  'store-delete': async (endpoint, task) => {
    const client = clientOf(endpoint);
    const uuids = await readUuids(task.uuidsFile);
    return async () => {
      const stored = await lastValueFrom(storeFiles(uuids, client).pipe(filter((result) => result.ok), count()));
      const deleted = await lastValueFrom(deleteFiles(uuids, client).pipe(filter((result) => result.ok), count()));
      return stored + deleted;
    };
  },
  info: async (endpoint, task) => {
    const client = clientOf(endpoint);
    return () =>
      lastValueFrom(
        range(0, task.calls).pipe(
          concatMap(() => new File(task.uuid, client).info()),
          count((info) => info.uuid === task.uuid),
        ),
      );
  },
  thumbnails: async (endpoint, task) => {
    const client = clientOf(endpoint);
    const thumbnail = new ImageTransformation().preview(200, 200).format('jpeg');
    if (thumbnail.effects !== THUMBNAIL_EFFECTS) throw new Error(`the builder wrote ${thumbnail.effects}, not ${THUMBNAIL_EFFECTS}`);
    return () =>
      lastValueFrom(
        from(task.uuids).pipe(
          mergeMap(
            (uuid) => client.request<ArrayBuffer>({ method: 'GET', url: new File(uuid, client).cdnUrlWith(thumbnail), responseType: 'arraybuffer' }),
            task.concurrency,
          ),
          count((response) => response.body.byteLength > 0),
        ),
      );
  },
};
