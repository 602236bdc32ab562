import { defer, Observable, switchMap, type Subscriber } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { clientOrDefault } from '../conf.js';
import { directUpload } from './direct.js';
import { completeEvent, progressEvent, type UploadEvent } from './upload-events.js';
import { multipartUpload } from './multipart.js';
import { checkUploadOptions, commonFields, storeField, type UploadOptions } from './options.js';
import { resolveUploadPolicy, type UploadPolicy } from './policy.js';
import { uploadSignatureFor } from './signature.js';
import { toUploadSource, type OpenedSource, type UploadInput } from './source.js';
import { DEFAULT_CONTENT_TYPE, DEFAULT_FILENAME, type UploadContext } from './upload-context.js';
import { waitUntilReady } from './wait-ready.js';

/**
 * The core of {@link uploadFile}: the same upload, whose `complete` event carries the new file's UUID instead of a
 * {@link File}. Brings no REST resource into a bundle: an app that only uploads imports this (docs/architecture.md).
 *
 * ```ts
 * uploadFileToUuid(blob, { store: true }, client).subscribe((event) =>
 *   event.type === 'progress' ? (bar.value = event.done / (event.total ?? 1)) : console.log(event.file));
 * ```
 * @param client the client to use; default {@link defaultClient}.
 */
export function uploadFileToUuid(input: UploadInput, options: UploadOptions = {}, client?: UploadcareClient): Observable<UploadEvent<string>> {
  return defer(() => {
    checkUploadOptions(options);
    const policy = resolveUploadPolicy(options.policy);
    const source = toUploadSource(input);
    return source.open().pipe(switchMap((opened) => uploadOpened(opened, options, policy, clientOrDefault(client))));
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
  client: UploadcareClient,
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
            fields: commonFields(options, signature),
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
