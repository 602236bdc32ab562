import type { EmulatorContext } from '../../context.js';
import type { GroupRecord } from '../../state/records.js';
import { groupJson, groupWithFilesJson } from '../group-json.js';
import { cursorFromQuery, pageLink, paginate } from '../listing/paginate.js';
import { arrayView } from '../listing/time-view.js';
import { notFound, orderingParam } from '../params.js';
import { restRoute, type RestCall } from '../rest-route.js';

const createdAt = (group: GroupRecord): number => group.datetimeCreated.getTime();

function projectGroup(context: EmulatorContext, call: RestCall): GroupRecord {
  const group = context.store.group(call.project.publicKey, call.params['id'] ?? '');
  if (!group) throw notFound();
  return group;
}

/** `GET /groups/`, `GET|DELETE /groups/{uuid~N}/`. */
export function registerGroupRoutes(context: EmulatorContext): void {
  const { router, store } = context;

  router.add(
    'GET',
    '/groups/',
    restRoute(context, (call) => {
      const direction = orderingParam(call.query, 'datetime_created');
      const cursor = cursorFromQuery(call.query);
      const groups = store
        .groupsOf(call.project.publicKey)
        .sort((a, b) => createdAt(a) - createdAt(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const page = paginate(arrayView(groups, createdAt, direction), cursor, direction);
      return {
        status: 200,
        body: {
          next: pageLink(call.origin, call.path, call.query, page.next),
          previous: pageLink(call.origin, call.path, call.query, page.previous),
          total: groups.length,
          per_page: cursor.limit,
          results: page.items.map((group) => groupJson(group, call.origin)),
        },
      };
    }),
  );

  router.add(
    'GET',
    '/groups/:id/',
    restRoute(context, (call) => ({ status: 200, body: groupWithFilesJson(projectGroup(context, call), store, call.origin) })),
  );

  router.add(
    'DELETE',
    '/groups/:id/',
    restRoute(context, (call) => {
      store.deleteGroup(projectGroup(context, call).id);
      return { status: 204 };
    }),
  );
}
