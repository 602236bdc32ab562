/**
 * Datetimes as the REST API writes them: ISO 8601 in UTC with microseconds (`2018-11-26T12:49:09.945000Z`).
 * The emulator keeps milliseconds, so the last three digits are always zero and the text parses back exactly.
 */
export function formatDatetime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}000Z`;
}

/**
 * A datetime as the REST API writes it in page links' `from`/`to`: microseconds and a `+00:00` offset
 * (`from=2021-09-17T09%3A47%3A30.092729%2B00%3A00` in its recordings), not the `Z` of bodies.
 */
export function formatLinkDatetime(date: Date): string {
  return `${formatDatetime(date).slice(0, -1)}+00:00`;
}

/** {@link formatDatetime}, or null for a missing date. */
export function formatNullableDatetime(date: Date | null): string | null {
  return date ? formatDatetime(date) : null;
}

const ISO_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an ISO 8601 datetime as the API's `from` parameter accepts it: date only, seconds or any fraction,
 * `Z`, an offset or none (UTC). A `+` of an offset that a client forgot to encode arrives as a space: accepted.
 * @returns epoch milliseconds, or undefined when the text is not such a datetime.
 */
export function parseDatetime(text: string): number | undefined {
  const match = ISO_DATETIME.exec(text.trim().replace(/ (\d{2}:?\d{2})$/, '+$1'));
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone = 'Z'] = match;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  if (Number.isNaN(utc) || Number(month) > 12 || Number(day) > 31 || Number(hour) > 23 || Number(minute) > 59) {
    return undefined;
  }
  return utc - zoneOffsetMs(zone);
}

function zoneOffsetMs(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}
