import { md5 } from 'js-md5';

// WebCrypto (globalThis.crypto.subtle) exists in Node >= 20 and in browsers on secure origins (https, localhost).

/** Hex MD5 of a UTF-8 string or of bytes. */
export function md5Hex(data: string | Uint8Array | ArrayBuffer): string {
  return md5.hex(data);
}

/** Hex HMAC-SHA1 of `message` under `key`, computed with WebCrypto. */
export function hmacSha1Hex(key: string, message: string): Promise<string> {
  return hmacHex('SHA-1', key, message);
}

/** Hex HMAC-SHA256 of `message` under `key` (signed uploads sign the expiry time with it). */
export function hmacSha256Hex(key: string, message: string): Promise<string> {
  return hmacHex('SHA-256', key, message);
}

async function hmacHex(hash: 'SHA-1' | 'SHA-256', key: string, message: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto is not available here (browsers provide it on https and localhost only)');
  const encoder = new TextEncoder();
  const cryptoKey = await subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash }, false, ['sign']);
  const signature = await subtle.sign('HMAC', cryptoKey, encoder.encode(message));
  return Array.from(new Uint8Array(signature), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
