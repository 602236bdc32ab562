import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { basename } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { deleteFiles, fileInfo, listOfFiles, paginate, storeFiles, UploadcareAuthSchema, type UserSettings } from '@uploadcare/rest-client';
import { fromUrl, fromUrlStatus, isReadyPoll, uploadFile } from '@uploadcare/upload-client';
import { chunks, readUuids, smallFiles, STORAGE_BATCH, withConcurrency } from './inputs.js';
import { THUMBNAIL_EFFECTS, type Endpoint } from './protocol.js';
import type { SideRunners } from './side.js';

/** The upload client's own poll interval (`DEFAULT_INTERVAL` of its `poll`), used by its `pollStrategy`. */
export const OFFICIAL_POLL_INTERVAL_MS = 500;
/** The multipart threshold rxuploadcare uses; the upload client's default is 25 MB, set here so both go multipart. */
const MULTIPART_MIN_FILE_SIZE = 10 * 1024 * 1024;

function restSettings(endpoint: Endpoint): UserSettings {
  return { authSchema: new UploadcareAuthSchema({ publicKey: endpoint.publicKey, secretKey: endpoint.secretKey }), apiBaseURL: `${endpoint.base}/` };
}

function uploadSettings(endpoint: Endpoint): { publicKey: string; baseURL: string } {
  return { publicKey: endpoint.publicKey, baseURL: endpoint.base };
}

/**
 * `@uploadcare/upload-client` and `@uploadcare/rest-client`, pointed at the emulator by their `baseURL` and
 * `apiBaseURL` settings, used as their READMEs show.
 */
export const officialSide: SideRunners = {
  list: async (endpoint, task) => {
    const settings = restSettings(endpoint);
    return async () => {
      let items = 0;
      for await (const page of paginate(listOfFiles)({ limit: task.pageSize }, settings)) {
        for (const file of page.results) if (file.uuid.length === 36) items++;
      }
      return items;
    };
  },
  multipart: async (endpoint, task) => {
    const settings = uploadSettings(endpoint);
    // In Node the upload client takes a Buffer only (a Blob part would not be sent), so the file is read whole.
    return async () => {
      const data = await readFile(task.path);
      const file = await uploadFile(data, { ...settings, store: true, fileName: basename(task.path), multipartMinFileSize: MULTIPART_MIN_FILE_SIZE });
      return file.uuid ? 1 : 0;
    };
  },
  'multipart-stream': async (endpoint, task) => {
    const settings = uploadSettings(endpoint);
    // It takes no stream in Node: the stream is read whole into a Buffer first, as a user of it has to.
    return async () => {
      const data = await buffered(createReadStream(task.path));
      const file = await uploadFile(data, { ...settings, store: true, fileName: basename(task.path), multipartMinFileSize: MULTIPART_MIN_FILE_SIZE });
      return file.uuid ? 1 : 0;
    };
  },
  'small-uploads': async (endpoint, task) => {
    const settings = uploadSettings(endpoint);
    const files = smallFiles(task.count, task.size);
    return () => withConcurrency(files, task.concurrency, (bytes) => uploadFile(bytes, { ...settings, store: true }));
  },
  'from-url': async (endpoint, task) => {
    const settings = uploadSettings(endpoint);
    // `uploadFromUrl` races its status poll against a websocket to ws.pusherapp.com; the benchmark stays on loopback,
    // so this is that function without the websocket: `fromUrl`, then `fromUrlStatus` at the client's own interval.
    return async () => {
      const started = await fromUrl(task.url, { ...settings, store: true });
      if (started.type !== 'token') return started.uuid ? 1 : 0;
      for (;;) {
        const status = await fromUrlStatus(started.token, settings);
        if (status.status === 'success') {
          if (!status.isReady) await isReadyPoll(status.uuid, settings);
          return 1;
        }
        if (status.status === 'error' || status.status === 'unknown') throw new Error(`from_url failed: ${JSON.stringify(status)}`);
        await sleep(OFFICIAL_POLL_INTERVAL_MS);
      }
    };
  },
  'store-delete': async (endpoint, task) => {
    const settings = restSettings(endpoint);
    const batches = chunks(await readUuids(task.uuidsFile), STORAGE_BATCH);
    return async () => {
      let done = 0;
      for (const uuids of batches) done += (await storeFiles({ uuids }, settings)).result.length;
      for (const uuids of batches) done += (await deleteFiles({ uuids }, settings)).result.length;
      return done;
    };
  },
  info: async (endpoint, task) => {
    const settings = restSettings(endpoint);
    return async () => {
      let answered = 0;
      for (let call = 0; call < task.calls; call++) {
        if ((await fileInfo({ uuid: task.uuid }, settings)).uuid === task.uuid) answered++;
      }
      return answered;
    };
  },
  // The official clients fetch nothing from the CDN: their docs put a file's cdnUrl in an <img> or a fetch.
  thumbnails: async (endpoint, task) => async () => {
    let fetched = 0;
    await withConcurrency(task.uuids, task.concurrency, async (uuid) => {
      const response = await fetch(`${endpoint.base}/${uuid}/-/${THUMBNAIL_EFFECTS}`);
      if (!response.ok) throw new Error(`thumbnail of ${uuid}: ${response.status}`);
      if ((await response.arrayBuffer()).byteLength > 0) fetched++;
    });
    return fetched;
  },
};

async function buffered(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
