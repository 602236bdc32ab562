import { md5 } from 'js-md5';
import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { EMPTY_MD5 } from './body-md5.js';
import { nodeCrypto } from './hmac.js';

export { hmacSha1Hex, hmacSha1HexNow, hmacSha256Hex, webCryptoHmacHex } from './hmac.js';

// MD5 at once, in any environment: node:crypto in Node, js-md5 elsewhere. The client's own REST signing uses
// body-md5.ts instead, which loads js-md5 only when a browser signs a body.

/** Hex MD5 of a UTF-8 string or of bytes. */
export function md5Hex(data: string | Uint8Array | ArrayBuffer): string {
  if (typeof data !== 'string' && !(data instanceof Uint8Array) && !(data instanceof ArrayBuffer)) {
    throw new InvalidParamError(`md5Hex takes a string or bytes, not ${describeValue(data)}`);
  }
  if (data === '') return EMPTY_MD5;
  const node = nodeCrypto();
  if (node) return node.createHash('md5').update(data instanceof ArrayBuffer ? new Uint8Array(data) : data).digest('hex');
  return md5.hex(data);
}
