import { asyncScheduler, defer, retry, tap, throwError, type MonoTypeOperatorFunction, type Observable } from 'rxjs';
import { APIConnectionError, APIError, ThrottledRequestError, TimeoutError } from '../errors.js';
import type { BackoffPolicy, RetryPolicy } from './retry-policy.js';
import type { HttpMethod } from './types.js';
import { waitFor } from '../long-timer.js';
import type { RetryEnvironment } from './retry-environment.js';
import { checkOptions } from '../options/check-options.js';
import { checkRetryEnvironment, checkRetryInput } from '../options/check-retry.js';
import { resolveRetryPolicy } from './retry-policy.js';

/** The methods safe to send twice: retried after network failures without `idempotent: true`. */
export const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set<HttpMethod>(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** What the retry operator needs to know about the request it retries. */
export interface RetryTarget {
  readonly method: HttpMethod;
  /** Overrides the method-based rule for network and 5xx retries. */
  readonly idempotent?: boolean;
}

export type { RetryEnvironment } from './retry-environment.js';

/** A decision about one failed attempt: retry after `delayMs`, or give up with `error`. */
export type RetryDecision = { readonly retry: true; readonly delayMs: number } | { readonly retry: false; readonly error: unknown };

/**
 * Retries an HTTP attempt (a cold Observable emitting one answer) by `policy`:
 * - ThrottledRequestError (429): waits the server's `wait` when it gave one (never less), else a full-jitter backoff;
 *   at most `throttled.maxRetries` times; a server wait above `maxServerWaitMs` fails at once.
 * - APIConnectionError, TimeoutError and APIError with a status in `retryStatuses`: only when the request is safe to
 *   repeat; full-jitter backoff (but never less than a 503's `Retry-After`), at most `network.maxRetries` times.
 * - Anything else, and any error after the attempt emitted, fails at once.
 * Each subscription counts its own retries; the final error is the last attempt's, never a silent completion.
 */
export function retryByPolicy<T>(givenPolicy: RetryPolicy, givenTarget: RetryTarget, givenEnvironment?: RetryEnvironment): MonoTypeOperatorFunction<T> {
  // Checked here, before any attempt: garbage would be a TypeError at the first retry (values are clamped as the client's).
  const policy = resolveRetryPolicy(checkRetryInput('retryByPolicy()', givenPolicy));
  const target = checkOptions('retryByPolicy target', givenTarget, ['method', 'idempotent']);
  const environment = checkRetryEnvironment('retryByPolicy environment', givenEnvironment);
  const scheduler = environment.scheduler ?? asyncScheduler;
  const random = environment.random ?? Math.random;
  return (source: Observable<T>) =>
    defer(() => {
      let emitted = false;
      const attempts = { throttled: 0, network: 0 };
      return source.pipe(
        tap(() => (emitted = true)),
        retry({
          // Counting is ours (per failure class); RxJS's own count and resetOnSuccess stay out of the way.
          delay: (error: unknown) => {
            if (emitted) return throwError(() => error);
            const decision = decideRetry(error, policy, target, attempts, random);
            // Giving up must rethrow: a notifier that completes without emitting would end the stream silently.
            return decision.retry ? waitFor(decision.delayMs, scheduler) : throwError(() => decision.error);
          },
        }),
      );
    });
}

/** Decides about one failure, counting it in `attempts` when it is retried. Pure apart from `random`. */
export function decideRetry(
  error: unknown,
  policy: RetryPolicy,
  target: RetryTarget,
  attempts: { throttled: number; network: number },
  random: () => number,
): RetryDecision {
  if (error instanceof ThrottledRequestError) {
    const serverMs = error.wait > 0 ? error.wait * 1000 : undefined;
    if (serverMs !== undefined && serverMs > policy.maxServerWaitMs) return { retry: false, error };
    if (attempts.throttled >= policy.throttled.maxRetries) return { retry: false, error };
    attempts.throttled += 1;
    return { retry: true, delayMs: serverMs ?? backoffMs(policy.throttled, attempts.throttled, random) };
  }
  if (isTransient(error, policy) && isSafeToRepeat(target)) {
    const serverMs = error instanceof APIError && error.retryAfter !== undefined ? error.retryAfter * 1000 : 0;
    if (serverMs > policy.maxServerWaitMs) return { retry: false, error };
    if (attempts.network >= policy.network.maxRetries) return { retry: false, error };
    attempts.network += 1;
    return { retry: true, delayMs: Math.max(serverMs, backoffMs(policy.network, attempts.network, random)) };
  }
  return { retry: false, error };
}

/** Full jitter: uniform in [0, min(maxMs, baseMs * 2^(retryNumber-1))). `retryNumber` counts from 1. */
export function backoffMs(policy: BackoffPolicy, retryNumber: number, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retryNumber - 1));
  const unit = random();
  const clamped = Number.isFinite(unit) ? Math.min(Math.max(unit, 0), 1) : 0;
  return Math.floor(ceiling * clamped);
}

function isTransient(error: unknown, policy: RetryPolicy): boolean {
  if (error instanceof APIConnectionError || error instanceof TimeoutError) return true;
  return error instanceof APIError && error.status !== undefined && policy.retryStatuses.includes(error.status);
}

function isSafeToRepeat(target: RetryTarget): boolean {
  return target.idempotent ?? IDEMPOTENT_METHODS.has(target.method);
}
