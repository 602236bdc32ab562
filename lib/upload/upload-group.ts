import type { Observable } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { FileGroup, type GroupUploadEvent } from '../resources/file-group.js';
import type { UploadOptions } from './options.js';
import type { UploadInput } from './source.js';

export type { GroupCompleteEvent, GroupUploadEvent } from '../resources/file-group.js';

/**
 * Uploads every input (at most `policy.fileConcurrency` at once, each as {@link uploadFile} would) and groups them
 * in input order (`POST group/`). Progress is the bytes sent over all files, against the sum of their sizes.
 * Every source is checked and opened first: a bad one is an InvalidParamError before any request. With `signed`, the
 * signature is resolved once (after the sources opened) and used for every file and the group. `filename` and
 * `contentType` options are ignored (each source keeps its own); the rest apply to every file.
 * {@link uploadGroupToIds} is the same upload with plain data at the end (no REST resources in a bundle).
 * @param client the client to use; default {@link defaultClient}.
 */
export function uploadGroup(inputs: Iterable<UploadInput>, options?: UploadOptions, client?: UploadcareClient): Observable<GroupUploadEvent> {
  return FileGroup.upload(inputs, options, client);
}
