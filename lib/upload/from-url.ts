import type { Observable } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { File, type FileFromUrl } from '../resources/file.js';
import type { FromUrlWaitOptions } from './from-url-upload.js';
import type { FromUrlOptions } from './from-url-options.js';

/**
 * Asks the service to fetch `url` (`POST from_url/`) and emits the {@link FileFromUrl} to follow it. A URL that is not
 * absolute http(s) is an InvalidParamError before any request; an answer without a token is an APIError.
 * @param client the client to use; default {@link defaultClient}.
 */
export function uploadFromUrl(url: string, options?: FromUrlOptions, client?: UploadcareClient): Observable<FileFromUrl> {
  return File.uploadFromUrl(url, options, client);
}

/**
 * {@link uploadFromUrl} and {@link FileFromUrl.wait} together, as the seed's `upload_from_url_sync`: emits the File
 * once it is uploaded (and ready, with `untilReady`). Errors as `wait` does.
 */
export function uploadFromUrlSync(url: string, options?: FromUrlOptions & FromUrlWaitOptions, client?: UploadcareClient): Observable<File> {
  return File.uploadFromUrlSync(url, options, client);
}
