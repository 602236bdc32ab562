import type { RetryPolicyInput } from './retry-policy.js';

/** The HTTP methods the library sends. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** How a response body is delivered: parsed JSON, text, bytes, or (Node only) a readable stream. */
export type ResponseType = 'json' | 'text' | 'arraybuffer' | 'stream';

/** Options every call accepts, on top of the client's defaults. */
export interface RequestOptions {
  /**
   * Milliseconds to wait for the answer, per attempt (for a `stream` answer, for its headers, then the longest pause of
   * its body while it is read); 0 waits forever. Default: the client's `timeoutMs`.
   */
  readonly timeoutMs?: number;
  /** Overrides parts of the client's retry policy for this call. */
  readonly retry?: RetryPolicyInput;
  /** Overrides the method-based rule (GET/HEAD/PUT/DELETE/OPTIONS are safe) for network and 5xx retries. */
  readonly idempotent?: boolean;
  /** Called as the request body goes out; `total` is null when unknown. */
  readonly onUploadProgress?: (sent: number, total: number | null) => void;
  /** Extra headers for this call. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * A request body: a string (sent as is), a `Uint8Array`/`ArrayBuffer`/`Blob`/`FormData`, a Node `Readable`, or any
 * other value (sent as JSON).
 */
export type HttpBody = unknown;

/** One HTTP call for {@link Uploadcare.request}. */
export interface HttpRequest extends RequestOptions {
  readonly method: HttpMethod;
  /** Absolute URL. */
  readonly url: string;
  /**
   * The body, or a factory for it. A factory is called once per attempt, so a retried request re-reads its bytes
   * (a stream can be consumed only once).
   */
  readonly body?: HttpBody | (() => HttpBody);
  /** Default `json`. */
  readonly responseType?: ResponseType;
}

/** The answer to an {@link HttpRequest}: always a 2xx (anything else is an error). */
export interface HttpResponse<T> {
  readonly status: number;
  /** Response headers, names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: T;
  /** The URL that was requested. */
  readonly url: string;
}

/** A field of an Upload API form or query. Arrays repeat the key; `undefined` leaves the field out. */
export type UploadField = string | number | readonly (string | number)[] | undefined;

/** A file part of an Upload API form: bytes, or bytes with a file name and content type. */
export type UploadFile = Blob | Uint8Array | ArrayBuffer | UploadFilePart;

/** A file part with its name and type. */
export interface UploadFilePart {
  readonly data: Blob | Uint8Array | ArrayBuffer;
  readonly filename?: string;
  readonly contentType?: string;
}
