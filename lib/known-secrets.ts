import { scrubSecret } from './transport/scrub.js';

/**
 * The secret keys of the clients made in this realm, so that an error built anywhere (from a failed answer, or later
 * from a successful answer whose data is unusable) can be scrubbed of an echoed secret without being handed the
 * client. Only errors are scrubbed with them: answers a caller receives are never rewritten.
 */
const secrets = new Set<string>();
/** Old keys are forgotten past this many (a process rotating keys does not grow the set without end). */
const REMEMBERED = 16;
/**
 * Shorter keys are not remembered: masking them in every error would garble ordinary words ("u" in "required"). Real
 * secret keys are 20 characters; the transport still scrubs each error of its own client's key, whatever its length.
 */
export const REMEMBERED_SECRET_MIN_LENGTH = 8;

/** Remembers a client's secret key. */
export function rememberSecret(secret: string | undefined): void {
  if (!secret || secret.length < REMEMBERED_SECRET_MIN_LENGTH || secrets.has(secret)) return;
  if (secrets.size >= REMEMBERED) secrets.delete(secrets.values().next().value as string);
  secrets.add(secret);
}

/** `value` with every echo of every remembered secret masked (see {@link scrubSecret}). */
export function scrubKnownSecrets<T>(value: T): T {
  let scrubbed = value;
  for (const secret of secrets) scrubbed = scrubSecret(scrubbed, secret);
  return scrubbed;
}
