import type { EmulatorContext } from '../../context.js';
import type { FileRecord } from '../../state/records.js';
import type { Store } from '../../state/store.js';
import { normalizeTags, tagProblem } from '../../tags/tag-rules.js';
import { jsonObjectBody } from '../body.js';
import { badRequest, notFound } from '../params.js';
import { restRoute, type RestCall } from '../rest-route.js';
import { projectFile } from './files.js';

/**
 * `/files/{uuid}/tags/`: `GET` the tags, `PUT` a new set, `PATCH` `delete` then `add`
 * (https://uploadcare.com/docs/api/rest/file-tags/). A removed file has no tags to manage: 404, as for another
 * project's file. A change that leaves the tags as they were writes nothing.
 */
export function registerTagRoutes(context: EmulatorContext): void {
  const { router, store } = context;

  router.add(
    'GET',
    '/files/:uuid/tags/',
    restRoute(context, (call) => ({ status: 200, body: { tags: [...taggableFile(context, call).tags] } })),
  );

  router.add(
    'PUT',
    '/files/:uuid/tags/',
    restRoute(context, (call) => {
      const file = taggableFile(context, call);
      const tags = checkedTags(tagList(jsonObjectBody(call)['tags'], 'tags', false));
      return { status: 200, body: changeTags(store, file, tags) };
    }),
  );

  router.add(
    'PATCH',
    '/files/:uuid/tags/',
    restRoute(context, (call) => {
      const file = taggableFile(context, call);
      const body = jsonObjectBody(call);
      const removed = new Set(normalizeTags(tagList(body['delete'], 'delete', true)));
      const kept = file.tags.filter((tag) => !removed.has(tag));
      const tags = checkedTags([...kept, ...tagList(body['add'], 'add', true)]);
      return { status: 200, body: changeTags(store, file, tags) };
    }),
  );
}

/**
 * Gives `file` the tags `tags` and answers what changed, each list sorted. The same set in another order is no change:
 * nothing is written and the stored order stays (the real service's documented behaviour for `PUT`).
 */
function changeTags(store: Store, file: FileRecord, tags: readonly string[]): Record<string, string[]> {
  const before = new Set(file.tags);
  const after = new Set(tags);
  const added = tags.filter((tag) => !before.has(tag)).sort();
  const deleted = file.tags.filter((tag) => !after.has(tag)).sort();
  if (added.length === 0 && deleted.length === 0) return { tags: [...file.tags], added, deleted };
  store.updateFile(file.uuid, { tags });
  return { tags: [...tags], added, deleted };
}

function taggableFile(context: EmulatorContext, call: RestCall): FileRecord {
  const file = projectFile(context, call);
  if (file.datetimeRemoved) throw notFound();
  return file;
}

/** A body field that must be a JSON array of strings (`tags` is required; `add`/`delete` default to none). */
function tagList(value: unknown, name: string, optional: boolean): string[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string')) throw badRequest(`\`${name}\` must be a list of strings.`);
  return value as string[];
}

function checkedTags(given: readonly string[]): string[] {
  const tags = normalizeTags(given);
  const problem = tagProblem(tags);
  if (problem) throw badRequest(problem);
  return tags;
}
