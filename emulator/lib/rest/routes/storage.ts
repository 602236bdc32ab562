import type { EmulatorContext } from '../../context.js';
import type { FileRecord } from '../../state/records.js';
import type { Store } from '../../state/store.js';
import { jsonBody } from '../body.js';
import { fileJson } from '../file-json.js';
import { badRequest } from '../params.js';
import { restRoute, type RestAnswer, type RestCall } from '../rest-route.js';
import { isUuid } from '../uuid.js';
import { projectFile } from './files.js';

/** The most UUIDs one batch request may name. */
export const MAX_BATCH_UUIDS = 100;

/**
 * Stores a file (again: `datetime_stored` is the last store request). A removed file is stored again, no longer
 * removed, as the real service does (the official clients' suites restore their fixtures this way).
 */
function storeFile(store: Store, file: FileRecord): FileRecord {
  return store.updateFile(file.uuid, { datetimeStored: new Date(), datetimeRemoved: null });
}

/** Removes a file; removing a removed file changes nothing. */
function removeFile(store: Store, file: FileRecord): FileRecord {
  if (file.datetimeRemoved) return file;
  return store.updateFile(file.uuid, { datetimeRemoved: new Date(), datetimeStored: null });
}

function batchUuids(body: unknown): string[] {
  if (!Array.isArray(body)) throw badRequest('Expected list of UUIDs');
  if (body.length === 0) throw badRequest('List of UUIDs can not be empty');
  if (body.length > MAX_BATCH_UUIDS) throw badRequest(`Maximum UUIDs per request is exceeded. The limit is ${MAX_BATCH_UUIDS}`);
  return body.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}

/** `PUT|DELETE /files/{uuid}/storage/` and the batch `PUT|DELETE /files/storage/`. */
export function registerStorageRoutes(context: EmulatorContext): void {
  const { router, store } = context;

  /** The batch answer: `apply` each project file of the body, or a problem for UUIDs that are invalid or missing. */
  const batchAnswer = (call: RestCall, apply: (file: FileRecord) => FileRecord | string): RestAnswer => {
    const problems: Record<string, string> = {};
    const result: Record<string, unknown>[] = [];
    for (const uuid of batchUuids(jsonBody(call))) {
      const file = isUuid(uuid) ? store.file(call.project.publicKey, uuid.toLowerCase()) : undefined;
      const outcome = !isUuid(uuid) ? 'Invalid' : file ? apply(file) : 'Missing in the project';
      if (typeof outcome === 'string') problems[uuid] = outcome;
      else result.push(fileJson(outcome, call.origin));
    }
    return { status: 200, body: { status: 'ok', problems, result } };
  };

  router.add(
    'PUT',
    '/files/storage/',
    restRoute(context, (call) => batchAnswer(call, (file) => storeFile(store, file))),
  );

  router.add(
    'DELETE',
    '/files/storage/',
    restRoute(context, (call) => batchAnswer(call, (file) => removeFile(store, file))),
  );

  router.add(
    'PUT',
    '/files/:uuid/storage/',
    restRoute(context, (call) => ({ status: 200, body: fileJson(storeFile(store, projectFile(context, call)), call.origin) })),
  );

  router.add(
    'DELETE',
    '/files/:uuid/storage/',
    restRoute(context, (call) => ({ status: 200, body: fileJson(removeFile(store, projectFile(context, call)), call.origin) })),
  );
}
