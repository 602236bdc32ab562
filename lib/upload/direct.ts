import { map, switchMap, type Observable } from 'rxjs';
import { APIError } from '../errors.js';
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
    switchMap((body) =>
      client.upload<BaseUploadAnswer>(
        'POST',
        'base/',
        { UPLOADCARE_STORE: context.store, ...context.fields },
        { file: { data: typed(body(), context.contentType), filename: context.filename, contentType: context.contentType } },
        { onUploadProgress },
      ),
    ),
    map((answer) => {
      const uuid = answer?.['file'];
      if (typeof uuid !== 'string') throw new APIError('base/ answered without the uploaded file\'s UUID.', { body: answer });
      context.onProgress(source.size);
      return uuid;
    }),
  );
}

/** The form sends a Blob with its own type, so a Blob whose type differs from the chosen one is re-wrapped (no copy). */
function typed(body: UploadBody, contentType: string): UploadBody {
  if (typeof Blob !== 'undefined' && body instanceof Blob && body.type !== contentType) return new Blob([body], { type: contentType });
  return body;
}
