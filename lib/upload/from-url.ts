import { defer, map, type Observable, switchMap } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { clientOrDefault } from '../conf.js';
import { APIError } from '../errors.js';
import type { File } from '../resources/file.js';
import { FileFromUrl, FROM_URL_WAIT_KEYS, type FromUrlWaitOptions } from './file-from-url.js';
import { checkFromUrl, FROM_URL_OPTION_KEYS, type FromUrlOptions } from './from-url-options.js';
import { checkOptions } from '../options/check-options.js';
import { commonFields, storeField } from './options.js';
import { uploadSignatureFor } from './signature.js';
import { toFile } from './to-file.js';
import type { FromUrlAnswer } from './upload-api.js';

/**
 * Asks the service to fetch `url` (`POST from_url/`) and emits the {@link FileFromUrl} to follow it. A URL that is not
 * absolute http(s) is an InvalidParamError before any request; an answer without a token is an APIError.
 * @param client the client to use; default {@link defaultClient}.
 */
export function uploadFromUrl(url: string, options: FromUrlOptions = {}, client?: UploadcareClient): Observable<FileFromUrl> {
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
          ...commonFields(options.metadata, signature),
        }),
      ),
      map((answer) => {
        if (answer?.type === 'file_info') return FileFromUrl.completed(answer, client);
        if (answer?.type === 'token' && typeof answer.token === 'string') return new FileFromUrl(answer.token, client);
        throw new APIError('from_url/ answered without a token.', { body: answer });
      }),
    );
  });
}

/**
 * {@link uploadFromUrl} and {@link FileFromUrl.wait} together, as the seed's `upload_from_url_sync`: emits the File
 * once it is uploaded (and ready, with `untilReady`). Errors as `wait` does.
 */
export function uploadFromUrlSync(url: string, options?: FromUrlOptions & FromUrlWaitOptions, client?: UploadcareClient): Observable<File> {
  return defer(() => {
    const checked = checkOptions('upload options', options, [...FROM_URL_OPTION_KEYS, ...FROM_URL_WAIT_KEYS]);
    const { timeout, interval, untilReady, ...upload } = checked;
    return uploadFromUrl(url, upload, client).pipe(
      switchMap((started) => started.wait({ timeout, interval, untilReady })),
      toFile(),
    );
  });
}
