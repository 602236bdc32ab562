import { parseRetryAfter, serverWaitMs } from '../../lib/transport/retry-after.js';

describe('server wait headers', () => {
  const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');

  it('reads Retry-After in seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
  });

  it('reads Retry-After as an HTTP date, relative to now', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
  });

  it('treats a past date or a negative delay as no wait', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('-5', now)).toBe(0);
  });

  it('ignores garbage', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('NaN', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('reads X-Throttle-Wait-Seconds, case-insensitively, and takes the longest of both headers', () => {
    expect(serverWaitMs({ 'X-Throttle-Wait-Seconds': '4' }, now)).toBe(4000);
    expect(serverWaitMs({ 'retry-after': '2', 'x-throttle-wait-seconds': '7' }, now)).toBe(7000);
    expect(serverWaitMs({ 'retry-after': '9', 'x-throttle-wait-seconds': '7' }, now)).toBe(9000);
    expect(serverWaitMs({ 'content-type': 'text/plain' }, now)).toBeUndefined();
  });
});
