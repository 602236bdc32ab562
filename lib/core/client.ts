import { defer, from, map, switchMap, type Observable } from 'rxjs';
import { resolveOptions, type ResolvedUploadcareOptions, type UploadcareOptions } from '../config.js';
import { InvalidParamError, TimeoutError } from '../errors.js';
import { userAgentString, type AxiosProvider } from '../transport/axios-defaults.js';
import { createAxiosInstance } from '../transport/axios-instance.js';
import { encodeForm } from '../transport/multipart-body.js';
import { createNativeTransport, type NativeTransport } from '../transport/node-http.js';
import { sendHttp, type SendContext } from '../transport/http.js';
import { restAuthHeaders, restAuthHeadersNow } from '../transport/rest-auth.js';
import { retryByPolicy, type RetryEnvironment } from '../transport/retry.js';
import { resolveOnOrigin } from '../transport/same-origin.js';
import { resolveRetryPolicy } from '../transport/retry-policy.js';
import type { HttpMethod, HttpRequest, HttpResponse, RequestOptions, UploadField, UploadFile } from '../transport/types.js';
import { fieldEntries, publicKeyField, uploadFormData } from '../transport/upload-form.js';
import { describeValue } from '../describe-value.js';
import { answerWithin } from '../answer-within.js';
import { checkObject } from '../options/check-options.js';
import { checkHttpRequest, checkRequestOptions } from '../options/check-request.js';
import { checkRetryEnvironment } from '../options/check-retry.js';

const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The core of an Uploadcare client: configuration plus the HTTP layer (REST, Upload API, any other call) every
 * operation goes through, and nothing else, so that an app bundles only the operations it imports. Every call returns a
 * cold Observable: nothing is sent before subscribe, each subscribe sends anew, unsubscribe aborts what is in flight.
 * Failures are {@link UploadcareException}s, retried by the client's retry policy.
 *
 * Operations are functions given a client (`uploadFile(input, options, client)`, `new FileList(options, client)`);
 * {@link Uploadcare} is this client with those operations as methods too.
 */
export class UploadcareClient {
  /** The options, every default applied. */
  readonly options: ResolvedUploadcareOptions;
  readonly #axios: AxiosProvider;
  readonly #native: NativeTransport | undefined;
  readonly #environment: RetryEnvironment;

  /**
   * @param options - keys, bases, auth scheme, timeout, retry policy; see {@link UploadcareOptions}.
   * @param environment - the scheduler and random source of retry delays (specs pass virtual ones).
   */
  constructor(options?: UploadcareOptions, environment?: RetryEnvironment) {
    this.options = resolveOptions(options);
    this.#axios = createAxiosInstance(this.options.userAgent);
    this.#native = createNativeTransport(userAgentString(this.options.userAgent));
    this.#environment = checkRetryEnvironment('Uploadcare environment', environment);
  }

  /**
   * A REST API call, signed by the client's auth scheme. `path` is relative to `restBase` (`'files/?limit=10'`) or an
   * absolute URL on the same origin (a `next` link passes unchanged). `data` is the JSON body, or the query of a GET.
   * Emits the parsed JSON answer (null for an empty one).
   */
  rest<T>(method: HttpMethod, path: string, data?: unknown, callOptions?: RequestOptions): Observable<T> {
    return defer(() => {
      checkMethod(method);
      const options = checkRequestOptions('rest() options', callOptions);
      const bodyless = isBodyless(method);
      const url = withQuery(this.#restUrl(checkPath(path)), bodyless ? queryEntries(data) : []);
      const body = bodyless || data === undefined ? '' : jsonText(data);
      const contentType = body === '' ? '' : 'application/json';
      const send = (auth: Record<string, string>) =>
        sendHttp<T>(this.#sendContext(), {
          ...options,
          method,
          url,
          body: body === '' ? undefined : body,
          headers: {
            ...options.headers,
            Accept: `application/vnd.uploadcare-v${this.options.apiVersion}+json`,
            ...(contentType && { 'Content-Type': contentType }),
            ...auth,
          },
        });
      // Each attempt signs anew (a fresh date); in Node the signature is computed at once, without a promise.
      const attempt = defer(() => {
        const signable = { method, url, body, contentType };
        const auth = restAuthHeadersNow(this.options, signable);
        return auth ? send(auth) : this.#signedInTime(restAuthHeaders(this.options, signable), method, url, options).pipe(switchMap(send));
      });
      return attempt.pipe(this.#retry(method, options), map((response) => response.body));
    });
  }

  /**
   * An Upload API call. POST sends `data` and `files` as a multipart form, GET sends `data` as the query; the public
   * key (`pub_key` or `UPLOADCARE_PUB_KEY`, as the endpoint expects) and `jsonerrors=1` are added. Emits the parsed
   * JSON answer; the Upload API's error envelope becomes the matching error.
   */
  upload<T>(
    method: HttpMethod,
    path: string,
    formData?: Readonly<Record<string, UploadField>>,
    formFiles?: Readonly<Record<string, UploadFile>>,
    callOptions?: RequestOptions,
  ): Observable<T> {
    return defer(() => {
      checkMethod(method);
      const data = checkObject('upload() data', formData);
      const files = checkObject('upload() files', formFiles);
      const options = checkRequestOptions('upload() options', callOptions);
      const { publicKey } = this.options;
      const url = onOrigin(checkPath(path), this.options.uploadBase, 'Upload API');
      url.searchParams.set('jsonerrors', '1');
      const keyField = publicKeyField(path);
      const fields = { ...(publicKey && !('pub_key' in data) && !('UPLOADCARE_PUB_KEY' in data) && { [keyField]: publicKey }), ...data };
      const bodyless = isBodyless(method);
      if (bodyless) {
        if (Object.keys(files).length > 0) throw new InvalidParamError(`Files cannot be sent with ${method} ${url.origin}${url.pathname}`);
        for (const [name, value] of fieldEntries(fields)) url.searchParams.append(name, value);
      }
      // In Node a form of in-memory bytes is encoded once into one buffer (sent as is by every attempt).
      const encoded = bodyless ? undefined : encodeForm(fields, files);
      return this.request<T>({
        ...options,
        method,
        url: url.href,
        ...(encoded && { body: () => encoded.body, headers: { ...options.headers, 'Content-Type': encoded.contentType } }),
        ...(!bodyless && !encoded && { body: () => uploadFormData(fields, files) }),
      }).pipe(map((response) => response.body));
    });
  }

  /**
   * Any other HTTP call (multipart part uploads to presigned URLs, CDN reads) through the client's timeout, retry and
   * abort rules. A plain object body is sent as JSON; a body factory is called once per attempt.
   */
  request<T>(given: HttpRequest): Observable<HttpResponse<T>> {
    return defer(() => {
      const request = checkHttpRequest(given);
      checkMethod(request.method);
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        throw new InvalidParamError(`Not an absolute URL: ${describeValue(request.url)}`);
      }
      const prepared: HttpRequest = { ...request, url: url.href, ...jsonBody(request) };
      return sendHttp<T>(this.#sendContext(), prepared).pipe(this.#retry(request.method, request));
    });
  }

  #sendContext(): SendContext {
    return {
      axios: this.#axios,
      timeoutMs: this.options.timeoutMs,
      ...(this.options.secretKey && { secret: this.options.secretKey }),
      ...(this.#native && { native: this.#native }),
    };
  }

  /** The retry operator of one call (its options already checked). */
  #retry<T>(method: HttpMethod, options: RequestOptions): (source: Observable<T>) => Observable<T> {
    const policy = resolveRetryPolicy(options.retry, this.options.retry);
    return retryByPolicy<T>(policy, { method, ...(options.idempotent !== undefined && { idempotent: options.idempotent }) }, this.#environment);
  }

  /**
   * The auth headers from a signatureResolver, within the call's timeout: a resolver that never answers is a
   * TimeoutError like a server that never answers (retried as one), not a wait without end.
   */
  #signedInTime(headers: Promise<Record<string, string>>, method: HttpMethod, url: string, options: RequestOptions): Observable<Record<string, string>> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    return answerWithin(from(headers), timeoutMs, () => new TimeoutError(`${method} ${url}: the signatureResolver did not answer within ${timeoutMs} ms`, { method, url }));
  }

  /** The URL of a REST call; credentials go to the REST origin only, whatever `path` resolves to. */
  #restUrl(path: string): string {
    return onOrigin(path, this.options.restBase, 'REST API').href;
  }
}

function checkPath(path: string): string {
  if (typeof path !== 'string') throw new InvalidParamError(`A path must be a string, not ${describeValue(path)}`);
  return path;
}

/** The JSON text of a REST body; what JSON cannot hold (a bigint, a cycle, a throwing toJSON) is an InvalidParamError. */
function jsonText(data: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(data) as string | undefined;
  } catch (error) {
    throw new InvalidParamError(`The body cannot be sent as JSON: ${error instanceof Error ? error.message : describeValue(error)}`);
  }
  if (text === undefined) throw new InvalidParamError(`The body cannot be sent as JSON: ${describeValue(data)}`);
  return text;
}

function checkMethod(method: string): void {
  if (!METHODS.has(method)) throw new InvalidParamError(`Unknown HTTP method ${describeValue(method)}`);
}

/** GET and HEAD carry their data in the query. */
function isBodyless(method: HttpMethod): boolean {
  return method === 'GET' || method === 'HEAD';
}

function stripLeadingSlashes(path: string): string {
  return path.replace(/^\/+/, '');
}

/** `path` (relative to `base`, or absolute) resolved, when it stays on `base`'s origin; else InvalidParamError. */
function onOrigin(path: string, base: string, api: string): URL {
  const url = resolveOnOrigin(stripLeadingSlashes(path), base);
  if (!url) throw new InvalidParamError(`${describeValue(path)} is not on the ${api} origin (${new URL(base).origin})`);
  return url;
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

function jsonBody(request: HttpRequest): Partial<HttpRequest> {
  const { body } = request;
  if (typeof body === 'function' || !isPlainData(body)) return {};
  return { body: jsonText(body), headers: { 'Content-Type': 'application/json', ...request.headers } };
}

function isPlainData(value: unknown): boolean {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
