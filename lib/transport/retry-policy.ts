/** How often and how long to retry one class of failure: exponential backoff with full jitter. */
export interface BackoffPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  readonly maxRetries: number;
  /** The backoff ceiling of the first retry, in ms; the n-th retry waits a random time in [0, baseMs * 2^(n-1)). */
  readonly baseMs: number;
  /** The largest backoff ceiling, in ms. */
  readonly maxMs: number;
}

/**
 * When and how the transport retries. Plain data: every field has a documented default ({@link DEFAULT_RETRY_POLICY}).
 *
 * - `throttled`: 429 answers, retried whatever the method (the server did not act on them). The wait is the server's
 *   `Retry-After` (seconds or HTTP date) or `X-Throttle-Wait-Seconds` when given, else the backoff.
 * - `network`: connection failures, request timeouts and the `retryStatuses`, retried only for requests safe to repeat.
 * - `maxServerWaitMs`: when the server asks to wait longer than this, the call fails at once with a
 *   ThrottledRequestError carrying the server's `wait`, rather than retrying sooner than asked or hanging for hours.
 */
export interface RetryPolicy {
  readonly throttled: BackoffPolicy;
  readonly network: BackoffPolicy;
  /** HTTP statuses treated like network failures. */
  readonly retryStatuses: readonly number[];
  readonly maxServerWaitMs: number;
}

/** A partial policy: any field left out keeps its default (or the client's value). */
export interface RetryPolicyInput {
  readonly throttled?: Partial<BackoffPolicy>;
  readonly network?: Partial<BackoffPolicy>;
  readonly retryStatuses?: readonly number[];
  readonly maxServerWaitMs?: number;
}

/**
 * The defaults: 429 retried up to 5 times (backoff 1 s doubling up to 30 s); network failures and 502/503/504 up to
 * 3 times (backoff 0.5 s doubling up to 10 s); server waits honoured up to 5 minutes.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  throttled: Object.freeze({ maxRetries: 5, baseMs: 1000, maxMs: 30_000 }),
  network: Object.freeze({ maxRetries: 3, baseMs: 500, maxMs: 10_000 }),
  retryStatuses: Object.freeze([502, 503, 504]),
  maxServerWaitMs: 5 * 60_000,
});

const MAX_RETRIES_CAP = 100;
const MAX_DELAY_MS = 24 * 60 * 60_000;

/** Merges `input` over `base`, clamping absurd values (negative, NaN, infinite) into sane ranges. */
export function resolveRetryPolicy(input: RetryPolicyInput | undefined, base: RetryPolicy = DEFAULT_RETRY_POLICY): RetryPolicy {
  if (!input) return base;
  return Object.freeze({
    throttled: resolveBackoff(input.throttled, base.throttled),
    network: resolveBackoff(input.network, base.network),
    retryStatuses: Object.freeze(resolveStatuses(input.retryStatuses, base.retryStatuses)),
    maxServerWaitMs: clampNumber(input.maxServerWaitMs, base.maxServerWaitMs, 0, MAX_DELAY_MS),
  });
}

/** The HTTP statuses of `input` (integers 100-599); anything that is not a list of them keeps `base`. */
function resolveStatuses(input: unknown, base: readonly number[]): number[] {
  if (!Array.isArray(input)) return [...base];
  return input.filter((status): status is number => Number.isInteger(status) && status >= 100 && status <= 599);
}

function resolveBackoff(input: Partial<BackoffPolicy> | undefined, base: BackoffPolicy): BackoffPolicy {
  if (!input) return base;
  const baseMs = clampNumber(input.baseMs, base.baseMs, 0, MAX_DELAY_MS);
  return Object.freeze({
    maxRetries: Math.floor(clampNumber(input.maxRetries, base.maxRetries, 0, MAX_RETRIES_CAP)),
    baseMs,
    maxMs: Math.max(baseMs, clampNumber(input.maxMs, base.maxMs, 0, MAX_DELAY_MS)),
  });
}

function clampNumber(value: number | undefined, fallback: number, min: number, max: number): number {
  // Not a number at all (a string, an object...) counts as unset, like NaN: Math.max would turn it into NaN or throw.
  if (typeof value !== 'number' || Number.isNaN(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}
