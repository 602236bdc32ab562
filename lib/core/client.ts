import { defer, map, type Observable } from 'rxjs';
import { resolveOptions, type ResolvedUploadcareOptions, type UploadcareOptions } from '../config.js';
import { InvalidParamError } from '../errors.js';
import { userAgentString, type AxiosProvider } from '../transport/axios-defaults.js';
import { createAxiosInstance } from '../transport/axios-instance.js';
import { encodeForm } from '../transport/multipart-body.js';
import { createNativeTransport, type NativeTransport } from '../transport/node-http.js';
import { sendHttp, type SendContext } from '../transport/http.js';
import { retryByPolicy, type RetryEnvironment } from '../transport/retry.js';
import { resolveRetryPolicy } from '../transport/retry-policy.js';
import type { HttpMethod, HttpRequest, HttpResponse, RequestOptions, UploadField, UploadFile } from '../transport/types.js';
import { fieldEntries, publicKeyField, uploadFormData } from '../transport/upload-form.js';
import { describeValue } from '../describe-value.js';
import { checkObject } from '../options/check-options.js';
import { checkHttpRequest, checkRequestOptions } from '../options/check-request.js';
import { checkRetryEnvironment } from '../options/check-retry.js';
import { checkMethod, checkPath, isBodyless, jsonText, onOrigin } from './request-parts.js';

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
      return sendHttp<T>(this.#sendContext(), prepared).pipe(this.retrying(request.method, request));
    });
  }

  /**
   * One attempt of `request` (absolute URL, checked) through the client's HTTP layer, without retry: operations that
   * sign each attempt anew ({@link rest}) pipe their attempts through {@link retrying}.
   * @internal
   */
  sendOnce<T>(request: HttpRequest): Observable<HttpResponse<T>> {
    return sendHttp<T>(this.#sendContext(), request);
  }

  #sendContext(): SendContext {
    return {
      axios: this.#axios,
      timeoutMs: this.options.timeoutMs,
      ...(this.options.secretKey && { secret: this.options.secretKey }),
      ...(this.#native && { native: this.#native }),
    };
  }

  /**
   * The retry operator of one call (its options already checked), for operations that build their own attempts
   * ({@link rest}).
   * @internal
   */
  retrying<T>(method: HttpMethod, options: RequestOptions): (source: Observable<T>) => Observable<T> {
    const policy = resolveRetryPolicy(options.retry, this.options.retry);
    return retryByPolicy<T>(policy, { method, ...(options.idempotent !== undefined && { idempotent: options.idempotent }) }, this.#environment);
  }

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
