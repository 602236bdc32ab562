import type { Observable } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { File } from '../resources/file.js';
import type { UploadEvent } from './events.js';
import type { UploadOptions } from './options.js';
import type { UploadInput } from './source.js';

/**
 * Uploads one file and reports it as it goes: `{ type: 'progress', done, total }` ticks (bytes sent, monotonic,
 * from 0 to the size), then `{ type: 'complete', file }`. Below `policy.multipartThreshold` (10 MiB) one `base/`
 * request, above it a multipart upload with `partConcurrency` parts in flight. Cold: each subscribe uploads anew;
 * unsubscribing aborts everything in flight. Bad input is an InvalidParamError before any request.
 *
 * ```ts
 * uploadFile(blob, { store: true }).subscribe((event) => {
 *   if (event.type === 'progress') bar.value = event.done / (event.total ?? 1);
 *   else console.log(event.file.cdnUrl);
 * });
 * uploadFile(bytes).pipe(toFile()).subscribe((file) => console.log(file.uuid));
 * ```
 * {@link uploadFileToUuid} is the same upload without the File (and without the REST resources in a bundle).
 * @param client the client to use; default {@link defaultClient}.
 */
export function uploadFile(input: UploadInput, options?: UploadOptions, client?: UploadcareClient): Observable<UploadEvent> {
  return File.upload(input, options, client);
}
