/** A file UUID as Uploadcare writes it: lowercase, 8-4-4-4-12 (pyuploadcare's pattern, kept on purpose). */
export const UUID_PATTERN = '[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}';

const EXACT_UUID = new RegExp(`^${UUID_PATTERN}$`);

/** True when `value` is a whole UUID (lowercase, nothing around it). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && EXACT_UUID.test(value);
}
