import { defer, EMPTY, Observable, retry } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { APIConnectionError, APIError, InvalidRequestError, ThrottledRequestError, TimeoutError } from '../../lib/errors.js';
import { backoffMs, decideRetry, retryByPolicy, type RetryTarget } from '../../lib/transport/retry.js';
import { DEFAULT_RETRY_POLICY, resolveRetryPolicy, type RetryPolicy } from '../../lib/transport/retry-policy.js';

// Marble specs on a virtual clock: every delay below is exact virtual time, nothing waits for real.
const throttled = (wait = 0): ThrottledRequestError => new ThrottledRequestError('429', { status: 429, wait });
const network = (): APIConnectionError => new APIConnectionError('ECONNRESET');
const status = (code: number): APIError => new APIError(String(code), { status: code });

const POLICY: RetryPolicy = resolveRetryPolicy({
  throttled: { maxRetries: 3, baseMs: 1000, maxMs: 4000 },
  network: { maxRetries: 2, baseMs: 100, maxMs: 1000 },
  maxServerWaitMs: 60_000,
});
const GET: RetryTarget = { method: 'GET' };
const POST: RetryTarget = { method: 'POST' };

describe('retryByPolicy (virtual clock)', () => {
  let scheduler: TestScheduler;
  beforeEach(() => {
    scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
  });

  /** A source whose n-th subscription (from 0) behaves like attempts[n]: an error to throw, or a value to emit. */
  function attempts(outcomes: readonly (Error | string)[]): { source: Observable<string>; count: () => number } {
    let n = 0;
    const source = defer(() => {
      const outcome = outcomes[Math.min(n, outcomes.length - 1)]!;
      n += 1;
      return new Observable<string>((subscriber) => {
        if (outcome instanceof Error) subscriber.error(outcome);
        else {
          subscriber.next(outcome);
          subscriber.complete();
        }
      });
    });
    return { source, count: () => n };
  }

  it('waits exactly what the server asked on a 429 (X-Throttle-Wait-Seconds / Retry-After), even with maximal jitter', () => {
    scheduler.run(({ expectObservable }) => {
      const { source } = attempts([throttled(2), throttled(3), 'a']);
      const result = source.pipe(retryByPolicy(POLICY, POST, { random: () => 0.999 }));
      expectObservable(result).toBe('5000ms (a|)', { a: 'a' });
    });
  });

  it('backs off exponentially with full jitter on a 429 without a server wait, up to the cap', () => {
    scheduler.run(({ expectObservable }) => {
      const { source } = attempts([throttled(), throttled(), throttled(), 'a']);
      // random 0.5: ceilings 1000, 2000, 4000 (cap 4000) give 500 + 1000 + 2000.
      const result = source.pipe(retryByPolicy(POLICY, POST, { random: () => 0.5 }));
      expectObservable(result).toBe('3500ms (a|)', { a: 'a' });
    });
  });

  it('caps the backoff ceiling at maxMs', () => {
    expect(backoffMs(POLICY.throttled, 1, () => 0.999999)).toBe(999);
    expect(backoffMs(POLICY.throttled, 3, () => 0.999999)).toBe(3999);
    expect(backoffMs(POLICY.throttled, 30, () => 0.999999)).toBe(3999);
    expect(backoffMs(POLICY.throttled, 2, () => 0)).toBe(0);
  });

  it('clamps a broken random source into [0, 1]', () => {
    expect(backoffMs(POLICY.throttled, 1, () => Number.NaN)).toBe(0);
    expect(backoffMs(POLICY.throttled, 1, () => -3)).toBe(0);
    expect(backoffMs(POLICY.throttled, 1, () => 7)).toBe(1000);
  });

  it('gives up after throttled.maxRetries with the last ThrottledRequestError (an error, never a silent completion)', () => {
    scheduler.run(({ expectObservable, expectSubscriptions, cold }) => {
      const last = throttled(1);
      const source = cold('#', undefined, last);
      const result = source.pipe(retryByPolicy(POLICY, GET));
      expectObservable(result).toBe('3000ms #', undefined, last);
      expectSubscriptions(source.subscriptions).toBe(['(^!)', '1000ms (^!)', '2000ms (^!)', '3000ms (^!)']);
    });
  });

  it('fails at once when the server asks to wait longer than maxServerWaitMs (years away), keeping its wait', () => {
    scheduler.run(({ expectObservable, cold }) => {
      const error = throttled(3 * 365 * 24 * 3600);
      expectObservable(cold('#', undefined, error).pipe(retryByPolicy(POLICY, GET))).toBe('#', undefined, error);
      expect(error.wait).toBe(3 * 365 * 24 * 3600);
    });
  });

  it('retries 429 whatever the method: the server did not act on the request', () => {
    scheduler.run(({ expectObservable }) => {
      const { source } = attempts([throttled(1), 'a']);
      expectObservable(source.pipe(retryByPolicy(POLICY, { method: 'POST', idempotent: false }))).toBe('1000ms (a|)', { a: 'a' });
    });
  });

  for (const [name, error] of [
    ['a network failure', network()],
    ['a request timeout', new TimeoutError('timed out')],
    ['a 502', status(502)],
    ['a 503', status(503)],
    ['a 504', status(504)],
  ] as const) {
    it(`retries ${name} for a GET with backoff, at most network.maxRetries times`, () => {
      scheduler.run(({ expectObservable, expectSubscriptions, cold }) => {
        const source = cold('#', undefined, error);
        // random 0.5: ceilings 100, 200 give 50 + 100.
        expectObservable(source.pipe(retryByPolicy(POLICY, GET, { random: () => 0.5 }))).toBe('150ms #', undefined, error);
        expectSubscriptions(source.subscriptions).toBe(['(^!)', '50ms (^!)', '150ms (^!)']);
      });
    });

    it(`does not retry ${name} for a POST`, () => {
      scheduler.run(({ expectObservable, expectSubscriptions, cold }) => {
        const source = cold('#', undefined, error);
        expectObservable(source.pipe(retryByPolicy(POLICY, POST))).toBe('#', undefined, error);
        expectSubscriptions(source.subscriptions).toBe('(^!)');
      });
    });
  }

  it("waits at least a 503's Retry-After, and gives up at once when it is beyond maxServerWaitMs", () => {
    scheduler.run(({ expectObservable }) => {
      const unavailable = new APIError('503', { status: 503, retryAfter: 2 });
      const { source } = attempts([unavailable, 'a']);
      expectObservable(source.pipe(retryByPolicy(POLICY, GET, { random: () => 0.999 }))).toBe('2000ms (a|)', { a: 'a' });
      const tooLong = new APIError('503', { status: 503, retryAfter: 3600 });
      expectObservable(attempts([tooLong, 'a']).source.pipe(retryByPolicy(POLICY, GET))).toBe('#', undefined, tooLong);
    });
  });

  it('retries a POST marked idempotent, and not a GET marked non-idempotent', () => {
    scheduler.run(({ expectObservable }) => {
      const post = attempts([network(), 'a']);
      expectObservable(post.source.pipe(retryByPolicy(POLICY, { method: 'POST', idempotent: true }, { random: () => 0.5 }))).toBe('50ms (a|)', {
        a: 'a',
      });
      const error = network();
      const get = attempts([error, 'a']);
      expectObservable(get.source.pipe(retryByPolicy(POLICY, { method: 'GET', idempotent: false }))).toBe('#', undefined, error);
    });
  });

  it('treats PUT, DELETE and HEAD as safe to repeat, PATCH as not', () => {
    const decide = (method: RetryTarget['method']): boolean =>
      decideRetry(network(), POLICY, { method }, { throttled: 0, network: 0 }, () => 0).retry;
    expect(['GET', 'HEAD', 'PUT', 'DELETE'].map((method) => decide(method as RetryTarget['method']))).toEqual([true, true, true, true]);
    expect(decide('PATCH')).toBe(false);
    expect(decide('POST')).toBe(false);
  });

  it('never retries a 500, a 400/404 or an unknown error', () => {
    scheduler.run(({ expectObservable, cold }) => {
      for (const error of [status(500), new InvalidRequestError('404', { status: 404 }), new Error('bug')]) {
        expectObservable(cold('#', undefined, error).pipe(retryByPolicy(POLICY, GET))).toBe('#', undefined, error);
      }
    });
  });

  it('counts throttled and network retries separately', () => {
    scheduler.run(({ expectObservable }) => {
      // 3 throttled retries (1 s each) and 2 network retries (random 0: no wait) all fit in the budgets.
      const { source, count } = attempts([throttled(1), network(), throttled(1), network(), throttled(1), 'a']);
      expectObservable(source.pipe(retryByPolicy(POLICY, GET, { random: () => 0 }))).toBe('3000ms (a|)', { a: 'a' });
      scheduler.flush();
      expect(count()).toBe(6);
    });
  });

  it('never retries after the attempt emitted (no duplicate answers), unlike retry({ resetOnSuccess: true })', () => {
    scheduler.run(({ expectObservable, cold }) => {
      const error = network();
      const source = cold('a#', { a: 'a' }, error);
      expectObservable(source.pipe(retryByPolicy(POLICY, GET))).toBe('a#', { a: 'a' }, error);
      // The RxJS pitfall: with resetOnSuccess the count restarts after every value, so this retries forever.
      const naive = source.pipe(retry({ count: 2, resetOnSuccess: true }));
      expectObservable(naive, '^ 10ms !').toBe('aaaaaaaaaaa', { a: 'a' });
    });
  });

  it('gives every subscription its own retry budget', () => {
    scheduler.run(({ expectObservable, cold }) => {
      const error = throttled(1);
      const result = cold('#', undefined, error).pipe(retryByPolicy(POLICY, GET));
      expectObservable(result).toBe('3000ms #', undefined, error);
      expectObservable(result, '5000ms ^').toBe('8000ms #', undefined, error);
    });
  });

  it('errors when giving up, where an empty delay notifier would complete silently', () => {
    scheduler.run(({ expectObservable, cold }) => {
      const error = status(500);
      // The RxJS pitfall: a delay notifier that completes without emitting ends the stream as if it succeeded.
      expectObservable(cold('#', undefined, error).pipe(retry({ delay: () => EMPTY }))).toBe('|');
      expectObservable(cold('#', undefined, error).pipe(retryByPolicy(POLICY, GET))).toBe('#', undefined, error);
    });
  });

  it('does not retry at all with maxRetries 0', () => {
    scheduler.run(({ expectObservable, cold }) => {
      const error = throttled(1);
      const none = resolveRetryPolicy({ throttled: { maxRetries: 0 }, network: { maxRetries: 0 } });
      expectObservable(cold('#', undefined, error).pipe(retryByPolicy(none, GET))).toBe('#', undefined, error);
    });
  });

  it('uses the documented defaults', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({
      throttled: { maxRetries: 5, baseMs: 1000, maxMs: 30_000 },
      network: { maxRetries: 3, baseMs: 500, maxMs: 10_000 },
      retryStatuses: [502, 503, 504],
      maxServerWaitMs: 300_000,
    });
  });
});
