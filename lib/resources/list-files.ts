import { defer, mergeMap, type Observable } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import type { FileInfo } from './file-info.js';
import { fileListSpec, type FileListOptions } from './file-list-spec.js';
import { pagesOf } from './list-run.js';

/**
 * The core of {@link FileList}: the same listing (`GET files/`, same filters, lazy, one page at a time, `next` links
 * followed only on the REST origin), emitting each file's info as the REST API sends it instead of a {@link File}.
 * Brings neither `File` nor the upload code into a bundle (docs/bundle-size.md).
 *
 * ```ts
 * listFiles({ stored: true, limit: 10 }, client).subscribe((info) => console.log(info.uuid, info.size));
 * ```
 * @param client the client to use; default {@link defaultClient}.
 * @throws InvalidParamError (on subscribe, before any request) for a bad option, e.g. both `since` and `until`.
 */
export function listFiles(options?: FileListOptions, client?: UploadcareClient): Observable<FileInfo> {
  return defer(() => pagesOf(fileListSpec(options, client, checkedInfo))).pipe(mergeMap((page) => page));
}

/** An entry with a UUID: the rest is passed on as the server sent it. */
function checkedInfo(entry: FileInfo): FileInfo {
  if (typeof entry?.uuid !== 'string') throw new InvalidParamError(`a file entry needs a uuid, not ${describeValue(entry?.uuid)}`);
  return entry;
}
