import { defer, map, Observable, switchMap, type Subscriber } from 'rxjs';
import type { Uploadcare } from '../client.js';
import { clientOrDefault } from '../conf.js';
import { File } from '../resources/file.js';
import { directUpload } from './direct.js';
import { completeEvent, progressEvent, type UploadEvent } from './events.js';
import { multipartUpload } from './multipart.js';
import { checkUploadOptions, commonFields, storeField, type UploadOptions } from './options.js';
import { resolveUploadPolicy, type UploadPolicy } from './policy.js';
import { uploadSignatureFor } from './signature.js';
import { toUploadSource, type OpenedSource, type UploadInput } from './source.js';
import { DEFAULT_CONTENT_TYPE, DEFAULT_FILENAME, type UploadContext } from './upload-context.js';
import { waitUntilReady } from './wait-ready.js';

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
 * @param client the client to use; default {@link defaultClient}.
 */
export function uploadFile(input: UploadInput, options: UploadOptions = {}, client?: Uploadcare): Observable<UploadEvent> {
  return defer(() => {
    checkUploadOptions(options);
    const policy = resolveUploadPolicy(options.policy);
    const source = toUploadSource(input);
    return source.open().pipe(
      switchMap((opened) => uploadOpened(opened, options, policy, clientOrDefault(client))),
      map((event) => (event.type === 'complete' ? completeEvent(new File(event.file, client)) : event)),
    );
  });
}

/**
 * Uploads an open source; progress ticks, then a `complete` event carrying the new file's UUID.
 * Closes the source when done, however the upload ends.
 */
export function uploadOpened(
  source: OpenedSource,
  options: UploadOptions,
  policy: UploadPolicy,
  client: Uploadcare,
): Observable<UploadEvent<string>> {
  return new Observable<UploadEvent<string>>((subscriber) => {
    const total = source.size;
    const report = progressReporter(subscriber, total);
    report(0);
    const work = uploadSignatureFor(options, client)
      .pipe(
        switchMap((signature) => {
          const context: UploadContext = {
            client,
            source,
            filename: options.filename ?? source.name ?? DEFAULT_FILENAME,
            contentType: options.contentType ?? source.type ?? DEFAULT_CONTENT_TYPE,
            store: storeField(options.store),
            fields: commonFields(options.metadata, signature),
            policy,
            onProgress: report,
          };
          return total < policy.multipartThreshold ? directUpload(context) : multipartUpload(context);
        }),
        switchMap((uuid) => (options.waitUntilReady ? waitUntilReady(client, uuid) : [uuid])),
      )
      .subscribe({
        next: (uuid) => {
          report(total);
          subscriber.next(completeEvent(uuid));
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    return () => {
      work.unsubscribe();
      source.close();
    };
  });
}

/** Emits a progress tick whenever the bytes sent grow. */
function progressReporter(subscriber: Subscriber<UploadEvent<string>>, total: number): (done: number) => void {
  let last = -1;
  return (done) => {
    const clamped = Math.min(done, total);
    if (clamped <= last) return;
    last = clamped;
    subscriber.next(progressEvent(clamped, total));
  };
}
