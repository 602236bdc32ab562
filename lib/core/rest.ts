import { defer, map, switchMap, type Observable } from 'rxjs';
import { InvalidParamError, TimeoutError } from '../errors.js';
import { answerWithin } from '../answer-within.js';
import { checkRequestOptions } from '../options/check-request.js';
import { restAuthHeaders, restAuthHeadersNow } from '../transport/rest-auth.js';
import type { HttpMethod, RequestOptions, UploadField } from '../transport/types.js';
import { fieldEntries } from '../transport/upload-form.js';
import type { UploadcareClient } from './client.js';
import { checkMethod, checkPath, isBodyless, jsonText, onOrigin } from './request-parts.js';

/**
 * A REST API call, signed by the client's auth scheme. `path` is relative to `restBase` (`'files/?limit=10'`) or an
 * absolute URL on the same origin (a `next` link passes unchanged). `data` is the JSON body, or the query of a GET.
 * Emits the parsed JSON answer (null for an empty one).
 */
export function rest<T>(client: UploadcareClient, method: HttpMethod, path: string, data?: unknown, callOptions?: RequestOptions): Observable<T> {
  return defer(() => {
    checkMethod(method);
    const options = checkRequestOptions('rest() options', callOptions);
    const bodyless = isBodyless(method);
    const url = withQuery(onOrigin(checkPath(path), client.options.restBase, 'REST API').href, bodyless ? queryEntries(data) : []);
    const body = bodyless || data === undefined ? '' : jsonText(data);
    const contentType = body === '' ? '' : 'application/json';
    const send = (auth: Record<string, string>) =>
      client.sendOnce<T>({
        ...options,
        method,
        url,
        body: body === '' ? undefined : body,
        headers: {
          ...options.headers,
          Accept: `application/vnd.uploadcare-v${client.options.apiVersion}+json`,
          ...(contentType && { 'Content-Type': contentType }),
          ...auth,
        },
      });
    // Each attempt signs anew (a fresh date); in Node the signature is computed at once, without a promise.
    const attempt = defer(() => {
      const signable = { method, url, body, contentType };
      const auth = restAuthHeadersNow(client.options, signable);
      return auth ? send(auth) : signedInTime(client, restAuthHeaders(client.options, signable), method, url, options).pipe(switchMap(send));
    });
    return attempt.pipe(client.retrying(method, options), map((response) => response.body));
  });
}

/**
 * The auth headers from a signatureResolver, within the call's timeout: a resolver that never answers is a
 * TimeoutError like a server that never answers (retried as one), not a wait without end.
 */
function signedInTime(client: UploadcareClient, headers: Observable<Record<string, string>>, method: HttpMethod, url: string, options: RequestOptions): Observable<Record<string, string>> {
  const timeoutMs = options.timeoutMs ?? client.options.timeoutMs;
  return answerWithin(headers, timeoutMs, () => new TimeoutError(`${method} ${url}: the signatureResolver did not answer within ${timeoutMs} ms`, { method, url }));
}


function queryEntries(data: unknown): [string, string][] {
  if (data === undefined || data === null) return [];
  if (typeof data !== 'object' || Array.isArray(data)) throw new InvalidParamError('The query of a GET must be an object of fields');
  return fieldEntries(data as Record<string, UploadField>);
}

function withQuery(url: string, entries: readonly [string, string][]): string {
  if (entries.length === 0) return url;
  const parsed = new URL(url);
  for (const [name, value] of entries) parsed.searchParams.append(name, value);
  return parsed.href;
}

