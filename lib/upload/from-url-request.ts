import { defer, map, type Observable, switchMap } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { clientOrDefault } from '../conf.js';
import { APIError } from '../errors.js';
import { checkFromUrl, type FromUrlOptions } from './from-url-options.js';
import { commonFields, storeField } from './options.js';
import { uploadSignatureFor } from './signature.js';
import type { FromUrlAnswer, UploadFileInfo } from './upload-api.js';

/** How {@link requestFromUrl} turns the answer into the upload to follow. */
export interface FromUrlStart<T> {
  /** The service issued a token to poll. */
  readonly token: (token: string) => T;
  /** The service already had the file (`check_URL_duplicates`): no token, its info at once. */
  readonly duplicate: (info: UploadFileInfo) => T;
}

/**
 * Asks the service to fetch `url` (`POST from_url/`) and emits what `start` makes of its answer. A URL that is not
 * absolute http(s) is an InvalidParamError before any request; an answer without a token is an APIError.
 */
export function requestFromUrl<T>(url: string, options: FromUrlOptions, client: UploadcareClient | undefined, start: FromUrlStart<T>): Observable<T> {
  return defer(() => {
    const source = checkFromUrl(url, options);
    const uploadcare = clientOrDefault(client);
    return uploadSignatureFor(options, uploadcare).pipe(
      switchMap((signature) =>
        uploadcare.upload<FromUrlAnswer>('POST', 'from_url/', {
          source_url: source.href,
          store: storeField(options.store),
          filename: options.filename,
          check_URL_duplicates: options.checkUrlDuplicates ? '1' : undefined,
          save_URL_duplicates: options.saveUrlDuplicates ? '1' : undefined,
          ...commonFields(options, signature),
        }),
      ),
      map((answer) => {
        if (answer?.type === 'file_info') return start.duplicate(answer);
        if (answer?.type === 'token' && typeof answer.token === 'string') return start.token(answer.token);
        throw new APIError('from_url/ answered without a token.', { body: answer });
      }),
    );
  });
}
