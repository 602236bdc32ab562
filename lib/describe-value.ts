/**
 * A short, printable description of any caller-supplied value, for error messages: JSON when the value has a JSON form
 * (strings quoted, as messages printed them before), else a readable form for what JSON cannot show (undefined, NaN,
 * Infinity, bigints, symbols, functions, invalid dates), else the value's type name. It never throws, whatever the value
 * (an object whose own `toString` is not a function, `Object.create(null)`, a circular object, a throwing getter or
 * `toJSON`, a revoked Proxy), and cuts long descriptions at {@link DESCRIBE_VALUE_MAX_LENGTH} characters.
 */
export function describeValue(value: unknown): string {
  const text = describeUncut(value);
  return text.length > DESCRIBE_VALUE_MAX_LENGTH ? `${text.slice(0, DESCRIBE_VALUE_MAX_LENGTH)}…` : text;
}

/** Longest description {@link describeValue} returns, before its ellipsis. */
export const DESCRIBE_VALUE_MAX_LENGTH = 200;

function describeUncut(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : String(value);
    case 'bigint':
      return `${value.toString()}n`;
    case 'symbol':
      return safely(() => value.toString(), 'a symbol');
    case 'function':
      return 'a function';
    default:
      return safely(() => jsonOf(value), typeName(value));
  }
}

function jsonOf(value: unknown): string {
  if (value instanceof Date && Number.isNaN(value.getTime())) return 'Invalid Date';
  const json: unknown = JSON.stringify(value);
  return typeof json === 'string' ? json : typeName(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return safely(() => {
    const name: unknown = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
    return typeof name === 'string' && name !== '' ? `[object ${name}]` : '[object]';
  }, '[object]');
}

function safely(describe: () => string, fallback: string): string {
  try {
    return describe();
  } catch {
    return fallback;
  }
}
