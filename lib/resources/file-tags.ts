import { defer, map, type Observable } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { clientOrDefault } from '../conf.js';
import { APIError } from '../errors.js';
import { checkOptions, optionKeys } from '../options/check-options.js';
import { parseFileReference } from './file-reference.js';
import { restCall } from './rest-call.js';
import { checkTags } from './tag-rules.js';

/** What a change of a file's tags did (`PUT` or `PATCH files/<uuid>/tags/`). */
export interface TagsChange {
  /** The file's tags now, in storage order. */
  readonly tags: readonly string[];
  /** Tags the file did not have before, sorted. */
  readonly added: readonly string[];
  /** Tags the file had and no longer has, sorted. */
  readonly deleted: readonly string[];
}

/** Tags to add and to remove in one {@link updateFileTags} call; removal is applied first. */
export interface TagsUpdate {
  readonly add?: readonly string[];
  /** Tags to remove (the API's `delete`); absent ones are ignored. */
  readonly remove?: readonly string[];
}

const TAGS_UPDATE_KEYS = optionKeys<TagsUpdate>({ add: true, remove: true });

/**
 * A file's tags (`GET files/<uuid>/tags/`), in storage order. `file` is a UUID or a CDN URL. A removed file, or one
 * of another project, is an InvalidRequestError (404).
 * @param client the client to use; default {@link defaultClient}.
 */
export function getFileTags(file: string, client?: UploadcareClient): Observable<readonly string[]> {
  return defer(() => restCall<{ readonly tags?: unknown }>(clientOrDefault(client), 'GET', tagsPath(file))).pipe(
    map((answer) => tagList(answer?.tags, answer)),
  );
}

/**
 * Replaces every tag of a file (`PUT files/<uuid>/tags/`); `[]` clears them. Tags are checked before any request (an
 * array of at most 50 strings of `A-Za-z0-9-_.`, whitespace and case aside); Uploadcare lowercases them.
 */
export function replaceFileTags(file: string, tags: readonly string[], client?: UploadcareClient): Observable<TagsChange> {
  return defer(() => {
    const path = tagsPath(file);
    return restCall<unknown>(clientOrDefault(client), 'PUT', path, { tags: checkTags(tags) });
  }).pipe(map(tagsChange));
}

/**
 * Removes, then adds tags in one atomic call (`PATCH files/<uuid>/tags/`): `{ add: ['cat'], remove: ['dog'] }`. Tags
 * already there are not added twice; absent ones are not removed. More than 50 tags afterwards is a 400.
 */
export function updateFileTags(file: string, update: TagsUpdate, client?: UploadcareClient): Observable<TagsChange> {
  return defer(() => {
    const path = tagsPath(file);
    const { add = [], remove = [] } = checkOptions('tags update', update, TAGS_UPDATE_KEYS);
    const body = { add: [...checkTags(add, 'add')], delete: [...checkTags(remove, 'remove')] };
    return restCall<unknown>(clientOrDefault(client), 'PATCH', path, body);
  }).pipe(map(tagsChange));
}

function tagsPath(file: string): string {
  return `files/${parseFileReference(file).uuid}/tags/`;
}

function tagsChange(answer: unknown): TagsChange {
  const fields = (answer ?? {}) as Readonly<Record<string, unknown>>;
  return { tags: tagList(fields['tags'], answer), added: tagList(fields['added'], answer), deleted: tagList(fields['deleted'], answer) };
}

// A malformed answer is the server's fault: an APIError, not a TypeError later in the application.
function tagList(value: unknown, answer: unknown): readonly string[] {
  if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string')) throw new APIError('files/<uuid>/tags/ answered without a list of tags', { body: answer });
  return value as string[];
}
