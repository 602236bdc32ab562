import { describeValue } from '../../describe-value.js';
import { InvalidTransformationError, type TransformationRule } from '../../errors.js';
import { TRANSFORMATION_LIMITS } from './limits.js';

/** A percentage, written as in CSS: `'50%'` (rendered `50p` in URLs, where `%` would need escaping). */
export type Percent = `${number}%`;

/** A length: pixels (a number) or a percentage of the image (`'50%'`). */
export type Length = number | Percent;

/** A point from the top-left corner, in pixels or percent per axis. */
export interface Offsets {
  readonly x: Length;
  readonly y: Length;
}

/** Where a region sits when no offsets are given. */
export type Alignment = 'center' | 'top' | 'bottom' | 'left' | 'right';

export const ALIGNMENTS: readonly Alignment[] = ['center', 'top', 'bottom', 'left', 'right'];

/** Throws the error of a broken rule: `resize: width must be … (got 0)`. */
export function refuse(operation: string, argument: string, rule: TransformationRule, expected: string, value: unknown): never {
  throw new InvalidTransformationError(operation, argument, rule, `${expected} (got ${describeValue(value)})`);
}

/** An integer in [min, max], rendered. */
export function integerIn(operation: string, argument: string, value: unknown, min: number, max: number): string {
  if (typeof value !== 'number' || !Number.isInteger(value)) refuse(operation, argument, 'integer', `must be an integer from ${min} to ${max}`, value);
  if (value < min || value > max) refuse(operation, argument, 'range', `must be from ${min} to ${max}`, value);
  return String(value);
}

/** One of `allowed`. */
export function oneOf<T extends string>(operation: string, argument: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) refuse(operation, argument, 'one-of', `must be one of ${allowed.join(', ')}`, value);
  return value as T;
}

/** A width or height in pixels: an integer from 1 to {@link TRANSFORMATION_LIMITS.maxDimension}. */
export function pixels(operation: string, argument: string, value: unknown): string {
  return integerIn(operation, argument, value, 1, TRANSFORMATION_LIMITS.maxDimension);
}

/**
 * A length in pixels or percent, rendered (`'50%'` → `50p`). Sizes (`min` 1) must be positive, offsets (`min` 0)
 * may be zero; percentages are integers up to 100.
 */
export function length(operation: string, argument: string, value: unknown, min: 0 | 1): string {
  if (typeof value === 'number') return integerIn(operation, argument, value, min, TRANSFORMATION_LIMITS.maxDimension);
  return percent(operation, argument, value, min);
}

/** A percentage `'N%'`, N an integer from `min` to 100, rendered `Np`. */
export function percent(operation: string, argument: string, value: unknown, min: 0 | 1): string {
  const match = typeof value === 'string' ? /^(\d{1,3})%$/.exec(value) : null;
  const number = match ? Number(match[1]) : NaN;
  if (!(number >= min && number <= 100)) refuse(operation, argument, 'percent', `must be a percentage like '50%' from ${min}% to 100%`, value);
  return `${number}p`;
}

/** Offsets rendered `x,y`; with `percentOnly`, each must be a percentage. */
export function offsets(operation: string, argument: string, value: unknown, percentOnly = false): string {
  if (typeof value !== 'object' || value === null) refuse(operation, argument, 'required', 'must be { x, y }', value);
  const { x, y } = value as Partial<Offsets>;
  const axis = (v: unknown, name: string) => (percentOnly ? percent : length)(operation, `${argument}.${name}`, v, 0);
  return `${axis(x, 'x')},${axis(y, 'y')}`;
}

/** An alignment keyword, or offsets. */
export function position(operation: string, argument: string, value: unknown, percentOnly = false): string {
  return typeof value === 'string' ? oneOf(operation, argument, value, ALIGNMENTS) : offsets(operation, argument, value, percentOnly);
}

/** An options object (`{}` when not given). */
export function optionsObject<T extends object>(operation: string, value: T | undefined): T | Record<string, never> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) refuse(operation, 'options', 'required', 'must be an object', value);
  return value;
}

/** A flag rendered `yes`/`no`. */
export function yesNo(operation: string, value: unknown): string {
  if (typeof value !== 'boolean') refuse(operation, 'value', 'one-of', 'must be true or false', value);
  return value ? 'yes' : 'no';
}

/** A hex RGB colour, `#` optional (`'ece3d2'`, `'#fff'`), rendered without `#` in lower case. */
export function hexColor(operation: string, argument: string, value: unknown): string {
  const hex = typeof value === 'string' ? value.replace(/^#/, '') : '';
  if (!/^(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex)) refuse(operation, argument, 'hex-color', "must be a hex colour like 'ece3d2' or '#fff'", value);
  return hex.toLowerCase();
}
