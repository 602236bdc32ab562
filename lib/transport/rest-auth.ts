import { catchError, defer, from, isObservable, map, type Observable, of, switchMap, take, throwIfEmpty } from 'rxjs';
import type { ResolvedUploadcareOptions } from '../config.js';
import { AuthenticationError, UploadcareException } from '../errors.js';
import { bodyMd5 } from './body-md5.js';
import { hmacSha1Hex, hmacSha1HexNow } from './hmac.js';
import { runningInNode } from './environment.js';
import { joinSignString, type SignableRequest } from './sign-string.js';


/** The header carrying the request date: `Date` in Node, `X-Uploadcare-Date` in browsers (which forbid `Date`). */
export function dateHeaderName(): 'Date' | 'X-Uploadcare-Date' {
  return runningInNode() ? 'Date' : 'X-Uploadcare-Date';
}

/**
 * The auth headers of one REST request (date and Authorization), following the client's scheme, as a cold Observable
 * of one value. Fails with an AuthenticationError when the client has no way to authenticate. Unsubscribing (a call's
 * timeout) also unsubscribes from an Observable a signatureResolver returned.
 */
export function restAuthHeaders(
  options: ResolvedUploadcareOptions,
  request: Omit<SignableRequest, 'date'>,
  now: Date = new Date(),
): Observable<Record<string, string>> {
  return defer(() => {
    const start = startAuth(options, request, now);
    if ('done' in start) return of(start.done);
    const { publicKey, secretKey, signatureResolver } = options;
    return from(Promise.resolve(start.signString)).pipe(
      switchMap((signString) => (signatureResolver ? resolveSignature(signatureResolver, signString, request) : from(hmacSha1Hex(secretKey ?? '', signString)))),
      map((signature) => ({ ...start.dateHeaders, Authorization: `Uploadcare ${publicKey}:${signature}` })),
    );
  });
}

/**
 * The same headers as {@link restAuthHeaders}, computed at once when no step has to wait (simple auth, or a secret
 * key where HMAC is synchronous, i.e. Node); undefined when a signatureResolver or WebCrypto must be awaited.
 * Throws what restAuthHeaders would reject with.
 */
export function restAuthHeadersNow(
  options: ResolvedUploadcareOptions,
  request: Omit<SignableRequest, 'date'>,
  now: Date = new Date(),
): Record<string, string> | undefined {
  if (options.signatureResolver && options.authScheme !== 'simple') return undefined;
  const start = startAuth(options, request, now);
  if ('done' in start) return start.done;
  if (typeof start.signString !== 'string') return undefined;
  const signature = hmacSha1HexNow(options.secretKey ?? '', start.signString);
  return signature === undefined ? undefined : { ...start.dateHeaders, Authorization: `Uploadcare ${options.publicKey}:${signature}` };
}

type AuthStart =
  | { readonly done: Record<string, string> }
  | { readonly signString: string | Promise<string>; readonly dateHeaders: Record<string, string> };

/** Checks the keys and does what needs no signature: simple auth is done here, signed auth gets its sign string. */
function startAuth(options: ResolvedUploadcareOptions, request: Omit<SignableRequest, 'date'>, now: Date): AuthStart {
  const { publicKey, secretKey, signatureResolver } = options;
  if (!publicKey) throw new AuthenticationError('The REST API needs a publicKey (conf.publicKey)', { method: request.method, url: request.url });
  const date = now.toUTCString();
  const dateHeaders: Record<string, string> = { [dateHeaderName()]: date };
  if (options.authScheme === 'simple') {
    if (!secretKey) throw new AuthenticationError('Uploadcare.Simple auth needs a secretKey', { method: request.method, url: request.url });
    return { done: { ...dateHeaders, Authorization: `Uploadcare.Simple ${publicKey}:${secretKey}` } };
  }
  if (!signatureResolver && !secretKey) {
    throw new AuthenticationError('The REST API needs a secretKey (conf.secretKey) or a signatureResolver', {
      method: request.method,
      url: request.url,
    });
  }
  const signable = { ...request, date };
  const bodyHash = bodyMd5(request.body);
  const signString = typeof bodyHash === 'string' ? joinSignString(signable, bodyHash) : bodyHash.then((hash) => joinSignString(signable, hash));
  return { signString, dateHeaders };
}

function resolveSignature(
  resolver: NonNullable<ResolvedUploadcareOptions['signatureResolver']>,
  signString: string,
  request: Omit<SignableRequest, 'date'>,
): Observable<string> {
  return defer(() => {
    const answer = resolver(signString);
    return isObservable(answer) ? answer.pipe(take(1)) : from(Promise.resolve(answer));
  }).pipe(
    throwIfEmpty(() => new Error('it completed without a signature')),
    map((signature) => {
      if (typeof signature !== 'string' || signature === '') throw new Error(`it answered ${JSON.stringify(signature)}, not a signature`);
      return signature;
    }),
    catchError((error: unknown) => {
      if (error instanceof UploadcareException) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuthenticationError(`The signatureResolver failed: ${reason}`, { method: request.method, url: request.url, cause: error });
    }),
  );
}

export type { SignableRequest } from './sign-string.js';
