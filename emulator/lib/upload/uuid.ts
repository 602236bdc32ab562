const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical UUID such as Uploadcare uses for files. */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}
