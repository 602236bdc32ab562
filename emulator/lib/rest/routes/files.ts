import type { EmulatorContext } from '../../context.js';
import type { FileRecord } from '../../state/records.js';
import { fileJson } from '../file-json.js';
import type { FileIndex, FileListing } from '../listing/file-index.js';
import { cursorFromQuery, pageLink, paginate } from '../listing/paginate.js';
import { SortedEntries } from '../listing/sorted-entries.js';
import { entriesView } from '../listing/time-view.js';
import { booleanParam, includes, notFound, orderingParam } from '../params.js';
import { restRoute, type RestCall } from '../rest-route.js';

/** The file `uuid` of the call's project, removed ones included; a 404 otherwise. */
export function projectFile(context: EmulatorContext, call: RestCall, uuid = call.params['uuid'] ?? ''): FileRecord {
  const file = context.store.file(call.project.publicKey, uuid.toLowerCase());
  if (!file) throw notFound();
  return file;
}

function listingOf(query: URLSearchParams): FileListing | 'none' {
  const removed = booleanParam(query, 'removed') ?? false;
  const stored = booleanParam(query, 'stored');
  if (removed) return stored === true ? 'none' : 'removed';
  if (stored === undefined) return 'existing';
  return stored ? 'stored' : 'unstored';
}

/** `GET /files/` and `GET /files/{uuid}/`. */
export function registerFileRoutes(context: EmulatorContext, index: FileIndex): void {
  const { router, store } = context;

  router.add(
    'GET',
    '/files/',
    restRoute(context, (call) => {
      const direction = orderingParam(call.query, 'datetime_uploaded');
      const listing = listingOf(call.query);
      const cursor = cursorFromQuery(call.query);
      const projectKey = call.project.publicKey;
      const entries = listing === 'none' ? new SortedEntries() : index.list(projectKey, listing);
      const page = paginate(entriesView(entries, direction), cursor, direction);
      const appdata = includes(call.query, 'appdata');
      return {
        status: 200,
        body: {
          next: pageLink(call.origin, call.path, call.query, page.next),
          previous: pageLink(call.origin, call.path, call.query, page.previous),
          total: entries.length,
          totals: {
            removed: index.list(projectKey, 'removed').length,
            stored: index.list(projectKey, 'stored').length,
            unstored: index.list(projectKey, 'unstored').length,
          },
          per_page: cursor.limit,
          results: page.items.map((entry) => fileJson(store.fileByUuid(entry.key) as FileRecord, call.origin, { appdata })),
        },
      };
    }),
  );

  router.add(
    'GET',
    '/files/:uuid/',
    restRoute(context, (call) => ({
      status: 200,
      body: fileJson(projectFile(context, call), call.origin, { appdata: includes(call.query, 'appdata') }),
    })),
  );
}
