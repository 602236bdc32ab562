import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { UploadApiError } from './errors.js';

/** Redirects followed before giving up with `URLRedirectsLimitExceededError`. */
export const MAX_REDIRECTS = 10;

/** An open download: the final URL, what the source said about its bytes, and the body to stream. */
export interface SourceResponse {
  readonly url: URL;
  /** Content-Length, or null when the source does not say. */
  readonly total: number | null;
  readonly contentType: string | undefined;
  readonly body: IncomingMessage;
}

/**
 * Opens `url` with GET, following redirects that `checkRedirect` lets through (it throws the Upload API's error for a
 * target the URL itself could not have named); a non-2xx answer is the Upload API's download error.
 */
export async function openSource(url: URL, signal: AbortSignal, checkRedirect: (url: URL) => Promise<void>, redirects = 0): Promise<SourceResponse> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const get = url.protocol === 'https:' ? httpsGet : httpGet;
    const request = get(url, { signal, headers: { 'User-Agent': 'UploadcareEmulator/1.0' } }, resolve);
    request.on('error', (error) => reject(new UploadApiError('DownloadFileHTTPNetworkError', error.message)));
  });
  const status = response.statusCode ?? 0;
  const location = response.headers.location;
  if (status >= 300 && status < 400 && location) {
    response.resume();
    if (redirects >= MAX_REDIRECTS) throw new UploadApiError('URLRedirectsLimitExceededError');
    const next = new URL(location, url);
    await checkRedirect(next);
    return openSource(next, signal, checkRedirect, redirects + 1);
  }
  if (status < 200 || status >= 300) {
    response.resume();
    throw new UploadApiError(status >= 500 ? 'DownloadFileHTTPServerError' : 'DownloadFileHTTPClientError', status);
  }
  const length = response.headers['content-length'];
  return {
    url,
    total: length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
    contentType: response.headers['content-type'],
    body: response,
  };
}
