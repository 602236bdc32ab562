/**
 * The error classes of rxuploadcare. They keep pyuploadcare's names and hierarchy, and carry data: the HTTP status,
 * method and URL of the request that failed, the server's body and error code, and the underlying `cause`.
 * No error ever holds the secret key: not in its message, its properties or its JSON.
 * @packageDocumentation
 */
import { scrubKnownSecrets } from './known-secrets.js';

/** What an {@link UploadcareException} knows about the failure, besides its message. */
export interface UploadcareExceptionDetails {
  /** HTTP status of the answer, when there was one. */
  readonly status?: number;
  /** HTTP method of the request that failed. */
  readonly method?: string;
  /** URL of the request that failed (never holds a secret: the library never puts one in a URL). */
  readonly url?: string;
  /** The server's machine-readable error code (`error_code`), or null when it gave none. */
  readonly code?: string | null;
  /** The server's answer, parsed as JSON when it was JSON, else its text. */
  readonly body?: unknown;
  /** The lower-level error behind this one (network error, parse error...), already stripped of credentials. */
  readonly cause?: unknown;
  /** Seconds the server asked to wait before trying again (`Retry-After`, `X-Throttle-Wait-Seconds`), if it said. */
  readonly retryAfter?: number;
}

/** The plain-data form of an error, as {@link UploadcareException.toJSON} returns it. */
export interface UploadcareExceptionJson {
  readonly name: string;
  readonly message: string;
  readonly status?: number;
  readonly method?: string;
  readonly url?: string;
  readonly code?: string | null;
  readonly body?: unknown;
  readonly cause?: string;
  readonly retryAfter?: number;
}

/** The base class of every error the library raises. */
export class UploadcareException extends Error {
  override name = 'UploadcareException';
  /** HTTP status of the answer, when there was one. */
  readonly status?: number;
  /** HTTP method of the request that failed. */
  readonly method?: string;
  /** URL of the request that failed. */
  readonly url?: string;
  /** The server's machine-readable error code, or null when it gave none. */
  readonly code?: string | null;
  /** The server's answer: parsed JSON, or text. */
  readonly body?: unknown;
  /** The lower-level error behind this one. */
  declare readonly cause?: unknown;
  /** Seconds the server asked to wait before trying again, if it said (429s, and 503s with `Retry-After`). */
  readonly retryAfter?: number;

  constructor(message: string, details: UploadcareExceptionDetails = {}) {
    // Scrubbed before super(): the stack is written from the message.
    super(scrubKnownSecrets(message), details.cause === undefined ? undefined : { cause: scrubbedCause(details.cause) });
    if (details.status !== undefined) this.status = details.status;
    if (details.method !== undefined) this.method = details.method;
    if (details.url !== undefined) this.url = details.url;
    if (details.code !== undefined) this.code = details.code;
    if (details.body !== undefined) this.body = scrubKnownSecrets(details.body);
    if (details.retryAfter !== undefined) this.retryAfter = details.retryAfter;
  }

  /** Plain data for logs and JSON output; the cause is reduced to its message. */
  toJSON(): UploadcareExceptionJson {
    return {
      name: this.name,
      message: this.message,
      ...(this.status !== undefined && { status: this.status }),
      ...(this.method !== undefined && { method: this.method }),
      ...(this.url !== undefined && { url: this.url }),
      ...(this.code !== undefined && { code: this.code }),
      ...(this.body !== undefined && { body: this.body }),
      ...(this.cause !== undefined && { cause: this.cause instanceof Error ? this.cause.message : String(this.cause) }),
      ...(this.retryAfter !== undefined && { retryAfter: this.retryAfter }),
    };
  }
}

/** The network failed: connection refused or reset, DNS failure, a dropped connection. No answer was received. */
export class APIConnectionError extends UploadcareException {
  override name = 'APIConnectionError';
}

/** The server answered, but not as expected: a 5xx, a non-JSON or cut-off body, an unexpected status. */
export class APIError extends UploadcareException {
  override name = 'APIError';
}

/** The server refused the credentials (401, 403), or no credentials were configured for a call that needs them. */
export class AuthenticationError extends UploadcareException {
  override name = 'AuthenticationError';
}

/** The server rejected the request (400, 404). */
export class InvalidRequestError extends UploadcareException {
  override name = 'InvalidRequestError';
}

/** An argument is invalid (a malformed UUID, an empty group...). Raised before any request is sent. */
export class InvalidParamError extends InvalidRequestError {
  override name = 'InvalidParamError';
}

/** The server throttled the request (429) and retrying did not help, or it asked to wait longer than allowed. */
export class ThrottledRequestError extends UploadcareException {
  override name = 'ThrottledRequestError';
  /** Seconds the server asked to wait before trying again (0 when it did not say). */
  readonly wait: number;

  constructor(message: string, details: UploadcareExceptionDetails & { readonly wait: number }) {
    super(message, details);
    this.wait = details.wait;
  }

  override toJSON(): UploadcareExceptionJson & { readonly wait: number } {
    return { ...super.toJSON(), wait: this.wait };
  }
}

/** Time ran out: a request got no answer within its timeout, or a wait (e.g. for an upload from URL) expired. */
export class TimeoutError extends UploadcareException {
  override name = 'TimeoutError';
}

/** An upload failed on the server's side (e.g. an upload from URL ended in `error`). */
export class UploadError extends UploadcareException {
  override name = 'UploadError';
}

/**
 * An options object (or the global `conf`) has a key the library does not know: a typo, or another library's name.
 * Never ignored silently, since an ignored `restBase` would send the call to the real service.
 */
export class UnknownOptionError extends InvalidParamError {
  override name = 'UnknownOptionError';
  /** The unknown key, as given. */
  readonly option: string;
  /** The valid key closest to it, if any. */
  readonly nearest: string | undefined;
  /** What took the options, e.g. `Uploadcare options` or `wait() options`. */
  readonly where: string;

  constructor(where: string, option: string, nearest: string | undefined) {
    super(`Unknown option ${JSON.stringify(option)} in ${where}${nearest === undefined ? '' : `; did you mean ${JSON.stringify(nearest)}?`}`);
    this.where = where;
    this.option = option;
    this.nearest = nearest;
  }
}

/** Which rule an image transformation argument broke (see {@link InvalidTransformationError}). */
export type TransformationRule =
  | 'integer'
  | 'range'
  | 'one-of'
  | 'required'
  | 'percent'
  | 'hex-color'
  | 'uuid'
  | 'right-angle'
  | 'count'
  | 'unique'
  | 'needs-strength'
  | 'last-operation'
  | 'format-conflict'
  | 'cdn-url'
  | 'unknown-operation';

/**
 * An image transformation was given an argument the CDN would refuse: raised by the transformation builder before any
 * URL is made. Still an {@link InvalidParamError}; says which operation, which argument and which rule.
 */
export class InvalidTransformationError extends InvalidParamError {
  override name = 'InvalidTransformationError';
  /** The CDN operation, as written in URLs (`resize`, `scale_crop`...), or the helper (`srcset`). */
  readonly operation: string;
  /** The argument at fault, e.g. `width`. */
  readonly argument: string;
  /** The rule it broke. */
  readonly rule: TransformationRule;

  constructor(operation: string, argument: string, rule: TransformationRule, message: string) {
    super(`${operation}: ${argument} ${message}`);
    this.operation = operation;
    this.argument = argument;
    this.rule = rule;
  }

  override toJSON(): UploadcareExceptionJson & { readonly operation: string; readonly argument: string; readonly rule: TransformationRule } {
    return { ...super.toJSON(), operation: this.operation, argument: this.argument, rule: this.rule };
  }
}

/** A cause whose message echoes a known secret becomes a plain Error of the scrubbed message (its stack held it too). */
function scrubbedCause(cause: unknown): unknown {
  if (!(cause instanceof Error) || cause instanceof UploadcareException) return cause;
  const message = scrubKnownSecrets(cause.message);
  if (message === cause.message) return cause;
  const scrubbed = new Error(message);
  scrubbed.name = cause.name;
  return scrubbed;
}
