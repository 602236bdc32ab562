import { nodeCrypto } from './hmac.js';

/** The MD5 of an empty body: what every bodyless REST request signs. */
export const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';

/**
 * The hex MD5 of a REST body for its signature: at once for an empty body (a constant) or in Node (node:crypto);
 * otherwise a promise that loads js-md5 on first need. A browser app that signs no body locally (lists, reads, uploads)
 * never downloads it: bundlers put a dynamic import in a chunk of its own.
 */
export function bodyMd5(body: string): string | Promise<string> {
  if (body === '') return EMPTY_MD5;
  const node = nodeCrypto();
  if (node) return node.createHash('md5').update(body).digest('hex');
  return import('js-md5').then(({ md5 }) => md5.hex(body));
}
