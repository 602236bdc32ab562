import type { EmulatorContext } from '../../context.js';
import type { FileRecord } from '../../state/records.js';
import { jsonObjectBody } from '../body.js';
import { fileCopyJson, fileRestUrl } from '../file-json.js';
import { checkMetadata } from '../metadata-rules.js';
import { badRequest, parseBoolean } from '../params.js';
import { restRoute, type RestCall } from '../rest-route.js';
import { parseFileSource, type FileSource } from '../uuid.js';
import { remoteObjectPath } from './remote-pattern.js';

const BAD_SOURCE = 'Bad `source` parameter. Use UUID or CDN URL.';

/** The copy's source: an existing, not removed file of the project, and the effects asked for. */
function copySource(context: EmulatorContext, call: RestCall, body: Record<string, unknown>): { file: FileRecord; source: FileSource } {
  const text = body['source'];
  if (text === undefined || text === null || text === '') throw badRequest('`source` parameter is required.');
  const source = typeof text === 'string' ? parseFileSource(text) : undefined;
  const file = source && context.store.file(call.project.publicKey, source.uuid);
  if (!source || !file || file.datetimeRemoved) throw badRequest(BAD_SOURCE);
  return { file, source };
}

function flag(body: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const value = body[name];
  if (value === undefined || value === null) return fallback;
  const parsed = parseBoolean(value);
  if (parsed === undefined) throw badRequest(`\`${name}\` parameter should be \`true\` or \`false\`.`);
  return parsed;
}

/** `POST /files/local_copy/` and `POST /files/remote_copy/`. */
export function registerCopyRoutes(context: EmulatorContext): void {
  const { router, store } = context;

  router.add(
    'POST',
    '/files/local_copy/',
    restRoute(context, async (call) => {
      const body = jsonObjectBody(call);
      const { file, source } = copySource(context, call, body);
      const stored = flag(body, 'store', false);
      const metadata = body['metadata'] === undefined || body['metadata'] === null ? {} : checkMetadata(body['metadata']);
      const blob = await store.blobs.write(store.blobs.read(file.blobId));
      const now = new Date();
      const copy = store.addFile({
        ...file,
        uuid: store.newUuid(),
        blobId: blob.id,
        size: blob.size,
        datetimeUploaded: now,
        datetimeStored: stored ? now : null,
        datetimeRemoved: null,
        metadata: { ...file.metadata, ...metadata },
        appdata: null,
        source: source.effects ? `${file.uuid}/-/${source.effects}` : file.uuid,
      });
      // The new file's REST URL, as the real service points to it.
      return { status: 201, body: { type: 'file', result: fileCopyJson(copy, call.origin) }, headers: { Location: fileRestUrl(call.origin, copy) } };
    }),
  );

  router.add(
    'POST',
    '/files/remote_copy/',
    restRoute(context, (call) => {
      const body = jsonObjectBody(call);
      const { file, source } = copySource(context, call, body);
      const target = body['target'];
      if (typeof target !== 'string' || target === '') throw badRequest('`target` parameter is required.');
      if (!call.project.storages.includes(target)) throw badRequest('Project has no storage with provided name.');
      flag(body, 'make_public', true); // checked like the real API; nothing is published anywhere
      const pattern = body['pattern'] ?? '${default}';
      if (typeof pattern !== 'string') throw badRequest('Invalid pattern provided: Invalid character in a pattern.');
      const url = `s3://${target}/${remoteObjectPath(pattern, file, source.effects)}`;
      return { status: store.putRemoteObject(url) ? 201 : 200, body: { type: 'url', result: url } };
    }),
  );
}
