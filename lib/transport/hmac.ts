import { nodeBuiltin } from './node-builtins.js';
import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';

// Two implementations, one result. In Node, `node:crypto` hashes synchronously in native code; it is reached through
// `process.getBuiltinModule` (Node >= 20.16) so that this isomorphic module imports nothing Node-only and browser
// bundles stay free of it. Elsewhere: WebCrypto HMAC (browsers provide it on https and localhost) with the imported key
// cached per secret, since importKey costs as much as the signature itself. MD5 is apart (crypto.ts), so that signed
// uploads, which need HMAC only, do not bring js-md5 into a bundle.

type HashName = 'SHA-1' | 'SHA-256';

interface NodeDigest {
  update(data: string | Uint8Array): NodeDigest;
  digest(encoding: 'hex'): string;
}

/** The part of `node:crypto` used here. */
export interface NodeCrypto {
  createHash(algorithm: string): NodeDigest;
  createHmac(algorithm: string, key: string): NodeDigest;
}

const NODE_HASH_NAMES: Readonly<Record<HashName, string>> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256' };

let nodeCryptoModule: NodeCrypto | null | undefined;

/** `node:crypto` when running in Node, else null (looked up once). */
export function nodeCrypto(): NodeCrypto | null {
  if (nodeCryptoModule === undefined) nodeCryptoModule = nodeBuiltin<NodeCrypto>('node:crypto') ?? null;
  return nodeCryptoModule;
}

/** Hex HMAC-SHA1 of `message` under `key` (node:crypto in Node, WebCrypto elsewhere). */
export function hmacSha1Hex(key: string, message: string): Promise<string> {
  return hmacHex('SHA-1', key, message);
}

/** Hex HMAC-SHA256 of `message` under `key` (signed uploads sign the expiry time with it). */
export function hmacSha256Hex(key: string, message: string): Promise<string> {
  return hmacHex('SHA-256', key, message);
}

/**
 * The HMAC computed at once when a synchronous implementation exists (Node), else undefined: the caller then awaits
 * {@link hmacSha1Hex}. Lets a signed request go out without a hop through a promise.
 */
export function hmacSha1HexNow(key: string, message: string): string | undefined {
  return nodeCrypto()?.createHmac(NODE_HASH_NAMES['SHA-1'], key).update(message).digest('hex');
}

function hmacHex(hash: HashName, key: string, message: string): Promise<string> {
  // Types checked here, not by node:crypto (a TypeError) or WebCrypto (another message): the secret is never printed.
  if (typeof key !== 'string' || typeof message !== 'string') {
    return Promise.reject(new InvalidParamError(`An HMAC takes a string key and message, not ${typeof key} and ${describeValue(message)}`));
  }
  const node = nodeCrypto();
  if (node) {
    try {
      return Promise.resolve(node.createHmac(NODE_HASH_NAMES[hash], key).update(message).digest('hex'));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return webCryptoHmacHex(hash, key, message);
}

/** A few secrets at most per process; the cap only guards against a caller signing with endless distinct keys. */
const MAX_CACHED_KEYS = 16;
const webCryptoKeys = new Map<string, Promise<CryptoKey>>();

/** HMAC through WebCrypto, the key imported once per (hash, secret). Exported for the specs that check it in Node too. */
export async function webCryptoHmacHex(hash: HashName, key: string, message: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto is not available here (browsers provide it on https and localhost only)');
  const encoder = new TextEncoder();
  const signature = await subtle.sign('HMAC', await importedKey(subtle, hash, key), encoder.encode(message));
  return Array.from(new Uint8Array(signature), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function importedKey(subtle: SubtleCrypto, hash: HashName, key: string): Promise<CryptoKey> {
  const cacheKey = `${hash}\n${key}`;
  const cached = webCryptoKeys.get(cacheKey);
  if (cached) return cached;
  if (webCryptoKeys.size >= MAX_CACHED_KEYS) webCryptoKeys.clear();
  const imported = Promise.resolve(subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash }, false, ['sign']));
  // A failed import is not kept: the next request tries again.
  imported.catch(() => {
    if (webCryptoKeys.get(cacheKey) === imported) webCryptoKeys.delete(cacheKey);
  });
  webCryptoKeys.set(cacheKey, imported);
  return imported;
}
