const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** `1536` → `1.5 KiB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** Bytes per second, e.g. `2.0 MiB/s`. */
export function formatRate(bytes: number, elapsedMs: number): string {
  if (elapsedMs <= 0) return '-- B/s';
  return `${formatBytes(Math.round((bytes * 1000) / elapsedMs))}/s`;
}

/**
 * A date for people, in one format everywhere: ISO 8601 in UTC to the second, `2024-05-01T10:11:17Z` (the REST API
 * writes microseconds, `Date#toISOString` milliseconds). A text that is not a date is returned as it is.
 */
export function formatDatetime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return `${date.toISOString().slice(0, 19)}Z`;
}
