import { createHash, createHmac } from 'node:crypto';

/** The parts of a REST request that its `Uploadcare` signature covers. */
export interface SignedParts {
  readonly method: string;
  readonly body: Uint8Array | string;
  /** The `Content-Type` header as sent, '' when absent. */
  readonly contentType: string;
  /** The `Date` (or `X-Uploadcare-Date`) header as sent. */
  readonly date: string;
  /** Path and query as sent, e.g. `/files/?limit=1&stored=true`. */
  readonly uri: string;
}

/** `METHOD\nmd5hex(body)\ncontent-type\ndate\nuri`, the text Uploadcare signs. */
export function signString(parts: SignedParts): string {
  const bodyMd5 = createHash('md5').update(parts.body).digest('hex');
  return [parts.method.toUpperCase(), bodyMd5, parts.contentType, parts.date, parts.uri].join('\n');
}

/** The hex HMAC-SHA1 of the sign string with the project's secret key. */
export function restSignature(secretKey: string, parts: SignedParts): string {
  return createHmac('sha1', secretKey).update(signString(parts)).digest('hex');
}
