import { resolveTimeout } from '../config.js';
import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import type { HttpRequest, RequestOptions, ResponseType } from '../transport/types.js';
import { checkObject, checkOptions, optionKeys } from './check-options.js';
import { checkRetryInput } from './check-retry.js';

const REQUEST_OPTION_KEYS = optionKeys<RequestOptions>({ timeoutMs: true, retry: true, idempotent: true, onUploadProgress: true, headers: true });
const HTTP_REQUEST_KEYS = optionKeys<HttpRequest>({
  timeoutMs: true,
  retry: true,
  idempotent: true,
  onUploadProgress: true,
  headers: true,
  method: true,
  url: true,
  body: true,
  responseType: true,
});
const RESPONSE_TYPES: readonly ResponseType[] = ['json', 'text', 'arraybuffer', 'stream'];

/** Checks the per-call options of `rest`, `upload` and `request` before anything is sent; returns them (`{}` for undefined). */
export function checkRequestOptions(where: string, options: RequestOptions | undefined, known: readonly string[] = REQUEST_OPTION_KEYS): RequestOptions {
  const checked = checkOptions(where, options, known);
  resolveTimeout(checked.timeoutMs, 0);
  checkRetryInput(where, checked.retry);
  if (checked.idempotent !== undefined && typeof checked.idempotent !== 'boolean') {
    throw new InvalidParamError(`${where} idempotent must be true or false, not ${describeValue(checked.idempotent)}`);
  }
  if (checked.onUploadProgress !== undefined && typeof checked.onUploadProgress !== 'function') {
    throw new InvalidParamError(`${where} onUploadProgress must be a function, not ${describeValue(checked.onUploadProgress)}`);
  }
  checkHeaders(where, checked.headers);
  return checked;
}

/** Checks an {@link HttpRequest} of `request()`: its options, and a string URL and a known response type. */
export function checkHttpRequest(request: HttpRequest): HttpRequest {
  const checked = checkRequestOptions('request', request, HTTP_REQUEST_KEYS) as HttpRequest;
  if (typeof checked.url !== 'string') throw new InvalidParamError(`request url must be a string, not ${describeValue(checked.url)}`);
  if (checked.responseType !== undefined && !RESPONSE_TYPES.includes(checked.responseType)) {
    throw new InvalidParamError(`request responseType must be one of ${RESPONSE_TYPES.join(', ')}, not ${describeValue(checked.responseType)}`);
  }
  return checked;
}

/** Header names are HTTP tokens, values strings without line breaks or NUL: anything else could not be sent. */
function checkHeaders(where: string, headers: Readonly<Record<string, string>> | undefined): void {
  for (const [name, value] of Object.entries(checkObject(`${where} headers`, headers))) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || typeof value !== 'string' || /[\r\n\0]/.test(value)) {
      throw new InvalidParamError(`${where} header ${describeValue(name)} cannot be sent with the value ${describeValue(value)}`);
    }
  }
}
