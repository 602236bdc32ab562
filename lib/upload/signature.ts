import { defer, from, map, Observable, of, type ObservableInput } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { InvalidParamError, TimeoutError } from '../errors.js';
import { answerWithin } from '../answer-within.js';
import { hmacSha256Hex } from '../transport/hmac.js';
import { describeValue } from '../describe-value.js';
import { optionKeys } from '../options/check-options.js';

/** A signed-upload credential: `signature` = hex HMAC-SHA256(secret, String(expire)), `expire` in UNIX seconds. */
export interface UploadSignature {
  readonly expire: number;
  readonly signature: string;
}

/** Obtains a signature without holding the secret, e.g. from your backend in a browser. Called once per upload. */
export type UploadSignatureResolver = () => ObservableInput<UploadSignature>;

/**
 * How an upload is signed:
 * - `true`: computed here from the client's secret key (Node, or trusted environments), valid for
 *   `signatureLifetimeSeconds`;
 * - an {@link UploadSignature}: used as is;
 * - an {@link UploadSignatureResolver}: asked for one (a browser asking its backend);
 * - `false` / absent: unsigned.
 */
export type UploadSigning = boolean | UploadSignature | UploadSignatureResolver;

/** Default lifetime of signatures computed from the secret: 30 minutes. */
export const DEFAULT_SIGNATURE_LIFETIME_SECONDS = 30 * 60;

/** How a request to the Upload API is signed: the options every upload and `FileGroup.create` share. */
export interface SigningOptions {
  /** Sign the request: see {@link UploadSigning}. */
  readonly signed?: UploadSigning;
  /** Lifetime of signatures computed from the secret, in seconds. Default 30 minutes. */
  readonly signatureLifetimeSeconds?: number;
}

/** The keys of {@link SigningOptions}. */
export const SIGNING_OPTION_KEYS = optionKeys<SigningOptions>({ signed: true, signatureLifetimeSeconds: true });

/**
 * Computes a signed-upload credential: HMAC-SHA256 with node:crypto in Node, WebCrypto in browsers. A secret that is no
 * non-empty string, or an `expire` that is no integer, is an InvalidParamError (the secret is never printed).
 */
export function signUpload(secret: string, expire: number): Observable<UploadSignature> {
  return defer(async () => {
    if (typeof secret !== 'string' || secret === '') throw new InvalidParamError('The secret key to sign an upload with must be a non-empty string.');
    if (!Number.isSafeInteger(expire)) throw new InvalidParamError(`expire must be an integer (UNIX seconds), not ${describeValue(expire)}.`);
    return { expire, signature: await hmacSha256Hex(secret, String(expire)) };
  });
}

/** What {@link resolveUploadSignature} needs to know about the caller. */
export interface SigningContext {
  readonly signing: UploadSigning | undefined;
  readonly secretKey: string | undefined;
  readonly lifetimeSeconds: number;
  /** Current time in ms; injectable for specs. */
  readonly now: () => number;
}

/**
 * The signature `options` ask for, computed with `client`'s secret key when `signed` is true, or null when unsigned.
 * Bad signing input is an InvalidParamError, before any request; a resolver that gives no signature within the
 * client's `timeoutMs` a TimeoutError.
 */
export function uploadSignatureFor(options: SigningOptions, client: UploadcareClient): Observable<UploadSignature | null> {
  const { timeoutMs } = client.options;
  const signature = resolveUploadSignature({
    signing: options.signed,
    secretKey: client.options.secretKey,
    lifetimeSeconds: options.signatureLifetimeSeconds ?? DEFAULT_SIGNATURE_LIFETIME_SECONDS,
    now: Date.now,
  });
  return answerWithin(signature, timeoutMs, () => new TimeoutError(`The upload signature resolver did not answer within ${timeoutMs} ms.`));
}

/** The signature of one upload, or null when unsigned. Bad signing input is an InvalidParamError, before any request. */
export function resolveUploadSignature(context: SigningContext): Observable<UploadSignature | null> {
  return defer(() => signatureOf(context));
}

function signatureOf(context: SigningContext): Observable<UploadSignature | null> {
  const { signing } = context;
  if (signing === undefined || signing === false) return of(null);
  if (signing === true) {
    if (!context.secretKey) {
      throw new InvalidParamError('Signed upload asked (signed: true) but the client has no secret key; pass a signature or a resolver.');
    }
    const expire = Math.floor(context.now() / 1000) + context.lifetimeSeconds;
    return signUpload(context.secretKey, expire);
  }
  if (typeof signing === 'function') return resolverAnswer(signing).pipe(map(checkSignature));
  return of(checkSignature(signing));
}

/** What a resolver gives, as an Observable; an answer that is no Observable, promise or iterable is an InvalidParamError. */
function resolverAnswer(resolver: UploadSignatureResolver): Observable<UploadSignature> {
  const answer = resolver();
  try {
    return from(answer);
  } catch {
    throw new InvalidParamError(`An upload signature resolver must give an Observable or a promise, not ${describeValue(answer)}.`);
  }
}

function checkSignature(value: UploadSignature): UploadSignature {
  if (!value || !Number.isSafeInteger(value.expire) || typeof value.signature !== 'string' || value.signature === '') {
    throw new InvalidParamError('An upload signature needs an integer `expire` (UNIX seconds) and a non-empty `signature`.');
  }
  return { expire: value.expire, signature: value.signature };
}
