/** What a scrubbed secret becomes. */
export const SECRET_MASK = '[secret]';

/**
 * `value` with every echo of `secret` replaced by {@link SECRET_MASK}: in strings (as is, or JSON-escaped character by
 * character: `\/`, `\uXXXX` in either case, `\\`, `\"`, `\n`...), and in the keys and values of arrays and plain objects,
 * at any depth (a parsed answer holds the decoded secret even where its text held only escapes). Other values are
 * returned as they are; nothing is changed in place.
 */
export function scrubSecret<T>(value: T, secret: string | undefined): T {
  if (!secret) return value;
  const pattern = echoPattern(secret);
  return scrubValue(value, pattern, new Set()) as T;
}

function scrubValue(value: unknown, pattern: RegExp, seen: Set<object>): unknown {
  if (typeof value === 'string') return value.replace(pattern, SECRET_MASK);
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, pattern, seen));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.replace(pattern, SECRET_MASK), scrubValue(item, pattern, seen)]));
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '"': '\\\\"', '\\': '\\\\\\\\', '/': '\\\\/', '\b': '\\\\b', '\f': '\\\\f', '\n': '\\\\n', '\r': '\\\\r', '\t': '\\\\t' };

const patterns = new Map<string, RegExp>();

/** Matches `secret` with each UTF-16 unit as is or in a JSON escape (made once per secret). */
function echoPattern(secret: string): RegExp {
  let pattern = patterns.get(secret);
  if (!pattern) {
    const units = Array.from({ length: secret.length }, (_, i) => unitPattern(secret.charCodeAt(i)));
    pattern = new RegExp(units.join(''), 'g');
    if (patterns.size > 16) patterns.clear();
    patterns.set(secret, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

function unitPattern(code: number): string {
  const char = String.fromCharCode(code);
  const literal = char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const hex = [...code.toString(16).padStart(4, '0')].map((digit) => (/[a-f]/.test(digit) ? `[${digit}${digit.toUpperCase()}]` : digit)).join('');
  const short = SHORT_ESCAPES[char];
  return `(?:${literal}|\\\\u${hex}${short ? `|${short}` : ''})`;
}
