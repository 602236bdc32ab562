import { DEFAULT_RETRY_POLICY, resolveRetryPolicy } from '../../lib/transport/retry-policy.js';

describe('resolveRetryPolicy', () => {
  it('keeps the defaults for what is left out', () => {
    expect(resolveRetryPolicy(undefined)).toBe(DEFAULT_RETRY_POLICY);
    const policy = resolveRetryPolicy({ network: { maxRetries: 7 } });
    expect(policy.network).toEqual({ ...DEFAULT_RETRY_POLICY.network, maxRetries: 7 });
    expect(policy.throttled).toEqual(DEFAULT_RETRY_POLICY.throttled);
  });

  it('layers over a base policy (a call over its client)', () => {
    const client = resolveRetryPolicy({ throttled: { maxRetries: 1 } });
    expect(resolveRetryPolicy({ throttled: { baseMs: 10 } }, client).throttled).toEqual({ maxRetries: 1, baseMs: 10, maxMs: 30_000 });
  });

  it('clamps absurd values: negative, NaN, infinite, fractional, a cap below the base', () => {
    const policy = resolveRetryPolicy({
      throttled: { maxRetries: -4, baseMs: Number.NaN, maxMs: -1 },
      network: { maxRetries: Infinity, baseMs: Infinity, maxMs: 5 },
      maxServerWaitMs: -10,
    });
    expect(policy.throttled).toEqual({ maxRetries: 0, baseMs: 1000, maxMs: 1000 });
    expect(policy.network.maxRetries).toBe(100);
    expect(policy.network.baseMs).toBe(24 * 3600_000);
    expect(policy.network.maxMs).toBe(policy.network.baseMs);
    expect(policy.maxServerWaitMs).toBe(0);
    expect(resolveRetryPolicy({ network: { maxRetries: 2.7 } }).network.maxRetries).toBe(2);
  });

  it('keeps the base statuses when retryStatuses is not a list, and drops what is not an HTTP status', () => {
    expect(resolveRetryPolicy({ retryStatuses: 5 as never }).retryStatuses).toEqual([502, 503, 504]);
    expect(resolveRetryPolicy({ retryStatuses: null as never }).retryStatuses).toEqual([502, 503, 504]);
    expect(resolveRetryPolicy({ retryStatuses: [503, 'x', 99, 600, 1.5] as never }).retryStatuses).toEqual([503]);
  });
});
