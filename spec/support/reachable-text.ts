/**
 * Every string reachable from a value (an error, above all): its String() (stack included for errors), its JSON, and
 * its own properties at any depth, the cause chain among them. The secret specs grep this for the key.
 */
export function reachableText(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value !== 'object' || value === null) return String(value);
  if (seen.has(value)) return '';
  seen.add(value);
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    json = '';
  }
  const own = Object.getOwnPropertyNames(value).map((name) => `${name}=${reachableText((value as Record<string, unknown>)[name], seen)}`);
  return [String(value), json, ...own].join('\n');
}
