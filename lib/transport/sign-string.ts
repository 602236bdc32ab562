import type { HttpMethod } from './types.js';

/** What a REST request looks like to the signature. */
export interface SignableRequest {
  readonly method: HttpMethod;
  /** Absolute URL; its path and query are signed. */
  readonly url: string;
  /** The exact body text sent ('' when none). */
  readonly body: string;
  /** The Content-Type header sent ('' when none). */
  readonly contentType: string;
  /** RFC 1123 date, as sent in `Date` / `X-Uploadcare-Date`. */
  readonly date: string;
}

/** The string REST API signatures cover, given the body's MD5: `METHOD\nmd5hex(body)\ncontent-type\ndate\npath?query`. */
export function joinSignString(request: SignableRequest, bodyHash: string): string {
  const { pathname, search } = new URL(request.url);
  return [request.method, bodyHash, request.contentType, request.date, `${pathname}${search}`].join('\n');
}
