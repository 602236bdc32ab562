/**
 * How long the server asked to wait, in ms, from a 429's headers: `Retry-After` (delay-seconds or an HTTP date) or
 * `X-Throttle-Wait-Seconds`. Undefined when neither is present or readable. A date in the past or a negative number
 * means "now" (0); the longest of the two headers wins, so the client is never sooner than asked.
 */
export function serverWaitMs(headers: Readonly<Record<string, string>>, now: number): number | undefined {
  const waits = [parseRetryAfter(header(headers, 'retry-after'), now), parseSeconds(header(headers, 'x-throttle-wait-seconds'))];
  const known = waits.filter((wait): wait is number => wait !== undefined);
  return known.length === 0 ? undefined : Math.max(...known);
}

/** `Retry-After`: delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const seconds = parseSeconds(value);
  if (seconds !== undefined) return seconds;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function parseSeconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Math.max(0, Number(value) * 1000);
}

function header(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}
