import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  InvalidParamError,
  InvalidRequestError,
  ThrottledRequestError,
  TimeoutError,
  type UploadcareException,
} from '../errors.js';
import { serverWaitMs } from './retry-after.js';

/** An answer that is not a success, as the mapping sees it. */
export interface FailedAnswer {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON when the body was JSON, else its text. */
  readonly body: unknown;
}

/**
 * The error for a non-2xx answer (or a 2xx carrying the Upload API's error envelope): 400/404 and other 4xx
 * InvalidRequestError, 401/403 AuthenticationError, 429 ThrottledRequestError, anything else APIError.
 */
export function errorFromAnswer(answer: FailedAnswer, now: number = Date.now()): UploadcareException {
  const envelope = uploadErrorEnvelope(answer.body);
  const status = envelope?.status ?? answer.status;
  const code = envelope?.code ?? restErrorCode(answer.body);
  const location = answer.headers['location'];
  const reason =
    status >= 300 && status < 400 && location ? `redirected to ${location}, which the client does not follow` : (envelope?.content ?? describeBody(answer.body));
  const waitMs = serverWaitMs(answer.headers, now);
  const details = { status, method: answer.method, url: answer.url, code, body: answer.body, ...(waitMs !== undefined && { retryAfter: waitMs / 1000 }) };
  const message = `${answer.method} ${answer.url} failed with ${status}: ${reason}`;
  if (status === 429) return new ThrottledRequestError(message, { ...details, wait: waitMs === undefined ? 0 : waitMs / 1000 });
  if (status === 401 || status === 403) return new AuthenticationError(message, details);
  if (status >= 400 && status < 500) return new InvalidRequestError(message, details);
  return new APIError(message, details);
}

/** axios codes for a request refused before it was sent (a body or option it cannot send). */
const UNSENDABLE: ReadonlySet<string> = new Set(['ERR_BAD_REQUEST', 'ERR_BAD_OPTION', 'ERR_BAD_OPTION_VALUE', 'ERR_NOT_SUPPORT', 'ERR_INVALID_URL']);

/** The error for a request that got no usable answer: a network failure, a cut-off body. */
export function errorFromFailure(method: string, url: string, failure: { readonly code?: string; readonly message: string }): UploadcareException {
  // The cause is rebuilt from the failure's message and code: the original (an AxiosError) holds the request's
  // config, headers included, and the headers may hold the secret.
  const cause = Object.assign(new Error(failure.message), failure.code ? { code: failure.code } : {});
  if (failure.code && UNSENDABLE.has(failure.code)) {
    return new InvalidParamError(`${method} ${url} could not be sent: ${failure.message}`, { method, url, cause });
  }
  if (failure.code === 'ERR_BAD_RESPONSE') {
    return new APIError(`${method} ${url}: the answer was cut off or unreadable (${failure.message})`, { method, url, cause });
  }
  const code = failure.code && !failure.message.includes(failure.code) ? `, ${failure.code}` : '';
  return new APIConnectionError(`${method} ${url}: network failure (${failure.message}${code})`, {
    method,
    url,
    cause,
  });
}

/** The error for a request that got no answer within `timeoutMs`. */
export function timeoutError(method: string, url: string, timeoutMs: number): TimeoutError {
  return new TimeoutError(`${method} ${url}: no answer within ${timeoutMs} ms`, { method, url });
}

/** The error for a streamed answer whose body made no progress for `timeoutMs` while it was being read. */
export function bodyIdleError(method: string, url: string, timeoutMs: number): TimeoutError {
  return new TimeoutError(`${method} ${url}: the answer's body made no progress for ${timeoutMs} ms`, { method, url });
}

/** The error for a 2xx answer whose body is not the JSON it should be. */
export function badJsonError(answer: FailedAnswer & { readonly contentType: string }, cause: unknown): APIError {
  const what = answer.contentType ? answer.contentType.split(';')[0] : 'no content type';
  return new APIError(`${answer.method} ${answer.url}: expected JSON, got ${what}: ${snippet(String(answer.body))}`, {
    status: answer.status,
    method: answer.method,
    url: answer.url,
    body: answer.body,
    cause: unquotedParseError(cause),
  });
}

/**
 * The parse error without the text V8 quotes from the answer (`Unexpected token 's', "sk_12345..." is not valid
 * JSON`): a piece of the secret, when a server echoed it, would survive any scrubbing. The error's body has the text.
 */
function unquotedParseError(cause: unknown): SyntaxError {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new SyntaxError(message.replace(/,\s*"[\s\S]*"(\.\.\.)?\s*(?=is not valid JSON)/, ' '));
}

interface UploadEnvelope {
  readonly status?: number;
  readonly content: string;
  readonly code: string | null;
}

/**
 * The Upload API's error, whatever the HTTP status of its answer: the envelope `jsonerrors=1` asks for,
 * `{"error": {"status_code", "content", "error_code"}}` (the official client reads `content` and `error_code`, and
 * `status_code` overrides the answer's status), or the older `{"error": "<message>"}` with no other field. Anything
 * else is not an envelope: a `from_url/status/` report `{"status": "error", "error": "...", "error_code": "..."}` is
 * the status of an upload, for the caller to read.
 */
export function uploadErrorEnvelope(body: unknown): UploadEnvelope | undefined {
  if (!isRecord(body)) return undefined;
  const error = body['error'];
  if (typeof error === 'string') return Object.keys(body).length === 1 ? { content: error, code: null } : undefined;
  if (!isRecord(error) || typeof error['content'] !== 'string') return undefined;
  const status = typeof error['status_code'] === 'number' ? error['status_code'] : undefined;
  const code = typeof error['error_code'] === 'string' ? error['error_code'] : null;
  return { ...(status !== undefined && { status }), content: error['content'], code };
}

function restErrorCode(body: unknown): string | null {
  if (isRecord(body) && typeof body['error_code'] === 'string') return body['error_code'];
  return null;
}

function describeBody(body: unknown): string {
  if (isRecord(body) && typeof body['detail'] === 'string') return body['detail'];
  if (typeof body === 'string') {
    if (body.trim() === '') return 'empty answer';
    if (/^\s*<(!doctype|html)/i.test(body)) return `an HTML page: ${snippet(body.replace(/<[^>]*>/g, ' '))}`;
    return snippet(body);
  }
  return snippet(JSON.stringify(body));
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}...` : flat;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
