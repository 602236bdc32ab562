import { sha256 } from './sha256.js';

/** The CDN of accounts created before September 2025, and of a client without a public key. */
export const LEGACY_CDN_BASE = 'https://ucarecdn.com/';

/** The zone under which each project has its own CDN subdomain (`https://<prefix>.ucarecd.net/`). */
export const PREFIXED_CDN_ZONE = 'ucarecd.net';

/** Characters of the project prefix. */
const PREFIX_LENGTH = 10;

/**
 * A project's CDN subdomain label, as Uploadcare derives it from the public key (and the official JS clients since
 * 6.19): the SHA-256 of the key, read as one big-endian number, written in base 36, its first ten characters.
 */
export function cdnPrefix(publicKey: string): string {
  let value = 0n;
  for (const byte of sha256(publicKey)) value = (value << 8n) | BigInt(byte);
  return value.toString(36).slice(0, PREFIX_LENGTH);
}

/**
 * The CDN base a client uses by default: the project's own `https://<prefix>.ucarecd.net/` when the public key is
 * known (where Uploadcare serves a project's files since September 2025), else `https://ucarecdn.com/`. An explicit
 * `cdnBase` option wins over both (accounts from before then keep `https://ucarecdn.com/` that way).
 */
export function defaultCdnBase(publicKey: string | undefined): string {
  return publicKey ? `https://${cdnPrefix(publicKey)}.${PREFIXED_CDN_ZONE}/` : LEGACY_CDN_BASE;
}
