import type { Readable } from 'node:stream';
import { map, Observable, of, switchMap, take } from 'rxjs';
import { APIError } from '../errors.js';
import { isUuid } from '../resources/uuid.js';
import { fileBytesOfForm } from './progress.js';
import type { UploadBody } from './source.js';
import type { BaseUploadAnswer } from './upload-api.js';
import type { UploadContext } from './upload-context.js';

/** Uploads the whole source in one `POST base/`; emits the new file's UUID. */
export function directUpload(context: UploadContext): Observable<string> {
  const { client, source } = context;
  let best = 0;
  const onUploadProgress = (sent: number, total: number | null) => {
    best = Math.max(best, fileBytesOfForm(sent, total, source.size));
    context.onProgress(best);
  };
  return source.read(0, source.size).pipe(
    switchMap((body) => inMemory(body())),
    switchMap((data) =>
      client.upload<BaseUploadAnswer>(
        'POST',
        'base/',
        { UPLOADCARE_STORE: context.store, ...context.fields },
        { file: { data: typed(data, context.contentType), filename: context.filename, contentType: context.contentType } },
        { onUploadProgress },
      ),
    ),
    // The answer ends the read too (a source may hold the bytes until then).
    take(1),
    map((answer) => {
      const uuid = answer?.['file'];
      if (!isUuid(uuid)) throw new APIError('base/ answered without a valid UUID of the uploaded file.', { body: answer });
      context.onProgress(source.size);
      return uuid;
    }),
  );
}

/** A form takes bytes or a Blob: a stream body (a small file read from disk) is read whole first. */
function inMemory(body: UploadBody): Observable<Uint8Array | Blob> {
  if (body instanceof Uint8Array || (typeof Blob !== 'undefined' && body instanceof Blob)) return of(body);
  const stream = body as Readable;
  return new Observable<Uint8Array>((subscriber) => {
    const chunks: Uint8Array[] = [];
    stream.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    stream.once('error', (error) => subscriber.error(error));
    stream.once('end', () => {
      subscriber.next(Buffer.concat(chunks));
      subscriber.complete();
    });
    return () => stream.destroy();
  });
}

/** The form sends a Blob with its own type, so a Blob whose type differs from the chosen one is re-wrapped (no copy). */
function typed(body: Uint8Array | Blob, contentType: string): Uint8Array | Blob {
  if (typeof Blob !== 'undefined' && body instanceof Blob && body.type !== contentType) return new Blob([body], { type: contentType });
  return body;
}
