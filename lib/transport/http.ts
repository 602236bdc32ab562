import type { AxiosResponse, ResponseType as AxiosResponseType } from 'axios';
import { Observable } from 'rxjs';
import { UploadcareException } from '../errors.js';
import type { AxiosProvider } from './axios-defaults.js';
import { badJsonError, bodyIdleError, errorFromAnswer, errorFromFailure, timeoutError, uploadErrorEnvelope } from './error-mapping.js';
import { watchIdleBody } from './idle-body.js';
import { scrubSecret } from './scrub.js';
import type { NativeFailure, NativeResponse, NativeTransport } from './node-http.js';
import type { HttpRequest, HttpResponse } from './types.js';
import { setLongTimeout } from '../long-timer.js';

/** What one attempt needs besides the request. */
export interface SendContext {
  /** The client's axios instance (in Node, axios is loaded by the first request that needs it). */
  readonly axios: AxiosProvider;
  /** Used when the request has no `timeoutMs`. 0 waits forever. */
  readonly timeoutMs: number;
  /** Scrubbed out of every error body, whatever a server echoes back. */
  readonly secret?: string;
  /** Node's own http for the bodies and answers it takes (see node-http.ts); axios for the rest and in browsers. */
  readonly native?: NativeTransport;
}

/**
 * One attempt of `request` as a cold Observable: nothing is sent before subscribe, each subscribe sends anew, and
 * unsubscribing before the answer aborts the request (the server sees the connection closed). Emits one
 * {@link HttpResponse} for a 2xx answer; anything else errors with an {@link UploadcareException}.
 */
export function sendHttp<T>(context: SendContext, request: HttpRequest): Observable<HttpResponse<T>> {
  return new Observable<HttpResponse<T>>((subscriber) => {
    // Set by whichever sender takes the request: stops it (the server sees the connection closed).
    let abort = (): void => undefined;
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      cancelTimer();
      return true;
    };
    const timeoutMs = request.timeoutMs ?? context.timeoutMs;
    const cancelTimer =
      timeoutMs > 0
        ? setLongTimeout(() => {
            if (!settle()) return;
            abort();
            subscriber.error(timeoutError(request.method, request.url, timeoutMs));
          }, timeoutMs)
        : () => undefined;

    const rawBody = typeof request.body === 'function' ? (request.body as () => unknown)() : request.body;
    const responseType = request.responseType ?? 'json';
    const progress = request.onUploadProgress;
    const onAnswer = async (response: AnswerLike) => {
      const result = await readAnswer<T>(response, request, context.secret);
      if (!settle()) return discard(response);
      if (result instanceof Error) subscriber.error(result);
      else {
        // A streamed answer is handed over once its headers are in: from then on its body, not this timer, must show
        // progress (destroying it, as a reader that leaves does, closes the socket).
        subscriber.next(responseType === 'stream' ? { ...result, body: watchIdleBody(result.body, timeoutMs, () => bodyIdleError(request.method, request.url, timeoutMs)) } : result);
        subscriber.complete();
      }
    };
    const onFailure = (failure: unknown) => {
      if (!settle()) return;
      if (failure instanceof UploadcareException) return subscriber.error(failure);
      const { code, message } = isFailure(failure) ? failure : { code: undefined, message: String(failure) };
      subscriber.error(errorFromFailure(request.method, request.url, { ...(code && { code }), message: message ?? String(failure) }));
    };
    const nativeResponseType = axiosResponseType(responseType);
    if (context.native && (nativeResponseType === 'text' || nativeResponseType === 'arraybuffer') && context.native.accepts(rawBody, nativeResponseType)) {
      const call = context.native.send({
        method: request.method,
        url: request.url,
        headers: { ...request.headers },
        body: rawBody,
        responseType: nativeResponseType,
        onUploadProgress: progress,
      });
      abort = call.abort;
      call.answer.then(onAnswer).catch(onFailure);
      return () => {
        if (settle()) abort();
      };
    }
    const controller = new AbortController();
    abort = () => controller.abort();
    const body = sendable(rawBody);
    context
      .axios()
      .then((axios) =>
        axios.request({
          method: request.method,
          url: request.url,
          // Without a body, axios would add `Content-Type: application/x-www-form-urlencoded` to POST/PUT/PATCH, which
          // the REST signature (made with an empty content type) does not cover; `false` keeps it out.
          headers: { ...(body === undefined && { 'Content-Type': false }), ...request.headers },
          data: body,
          responseType: axiosResponseType(responseType),
          // Aborted before axios was loaded: axios refuses the request at once (a CanceledError nobody listens to).
          signal: controller.signal,
          ...(progress && { onUploadProgress: (event) => progress(event.loaded, event.total ?? null) }),
        }),
      )
      .then(onAnswer)
      .catch(onFailure);

    return () => {
      if (settle()) abort();
    };
  });
}

/** What readAnswer needs of an answer: axios's, or the native transport's. */
type AnswerLike = Pick<AxiosResponse, 'status' | 'data'> & { readonly headers: AxiosResponse['headers'] | NativeResponse['headers'] };

/** A failure with a message and maybe a code: the native transport's, or an AxiosError (told by shape: no axios here). */
function isFailure(value: unknown): value is NativeFailure {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/** A typed-array view as an ArrayBuffer (axios's Node adapter sends Buffers and ArrayBuffers, not other views). */
function sendable(body: unknown): unknown {
  if (!ArrayBuffer.isView(body) || isNodeBuffer(body)) return body;
  const { buffer, byteOffset, byteLength } = body;
  if (byteOffset === 0 && byteLength === buffer.byteLength) return buffer;
  return buffer.slice(byteOffset, byteOffset + byteLength);
}

function isNodeBuffer(value: ArrayBufferView): boolean {
  const buffer = (globalThis as { Buffer?: { isBuffer(value: unknown): boolean } }).Buffer;
  return buffer?.isBuffer(value) ?? false;
}

function axiosResponseType(type: HttpRequest['responseType']): AxiosResponseType {
  return type === 'json' || type === undefined ? 'text' : type;
}

async function readAnswer<T>(response: AnswerLike, request: HttpRequest, secret: string | undefined): Promise<HttpResponse<T> | UploadcareException> {
  const headers = flattenHeaders(response.headers);
  const base = { status: response.status, method: request.method, url: request.url, headers };
  const success = response.status >= 200 && response.status < 300;
  const wantsJson = (request.responseType ?? 'json') === 'json';
  // Error bodies are scrubbed once parsed: a server may echo the secret JSON-escaped (`\/`, `\uXXXX`), which parsing
  // decodes; text that is not JSON is scrubbed of those escapes too.
  if (!success) return errorFromAnswer({ ...base, body: scrubSecret(parseMaybeJson(await bodyText(response.data)), secret) });
  if (!wantsJson) return { status: response.status, headers, body: response.data as T, url: request.url };
  const text = await bodyText(response.data);
  if (text.trim() === '') return { status: response.status, headers, body: null as T, url: request.url };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    return badJsonError({ ...base, body: scrubSecret(text, secret), contentType: headers['content-type'] ?? '' }, cause);
  }
  if (uploadErrorEnvelope(body)) return errorFromAnswer({ ...base, body: scrubSecret(body, secret) });
  return { status: response.status, headers, body: body as T, url: request.url };
}

function parseMaybeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The text of a body, whatever axios delivered it as (string, bytes, a Node stream). */
async function bodyText(data: unknown): Promise<string> {
  if (data === undefined || data === null) return '';
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return new TextDecoder().decode(data as ArrayBuffer);
  if (typeof (data as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of data as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    }
    return new TextDecoder().decode(concat(chunks));
  }
  if (typeof Blob !== 'undefined' && data instanceof Blob) return data.text();
  return JSON.stringify(data);
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Frees a stream answer nobody will read (the subscriber left while it was being read). */
function discard(response: AnswerLike): void {
  const data = response.data as { destroy?: () => void } | undefined;
  data?.destroy?.();
}

function flattenHeaders(headers: AnswerLike['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return flat;
}
