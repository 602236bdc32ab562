import { InvalidParamError, UnknownOptionError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { nearestName } from './nearest-name.js';

/** The keys of an options type as data the compiler keeps complete: every key of `T` must be listed, and no other. */
export function optionKeys<T extends object>(keys: { readonly [K in keyof Required<T>]: true }): readonly string[] {
  return Object.freeze(Object.keys(keys));
}

/**
 * Checks an options argument before anything uses it: `undefined` stands for `{}` (every default); anything that is
 * not an object (null, a string, a number, an array, a function) is an InvalidParamError naming `where`; an own key
 * not in `known` is an {@link UnknownOptionError} naming the key and the nearest valid one.
 */
export function checkOptions<T extends object>(where: string, value: T | undefined, known: readonly string[]): T {
  const checked = checkObject(where, value);
  for (const key of ownKeys(where, checked)) {
    if (!known.includes(key)) throw new UnknownOptionError(where, key, nearestName(key, known));
  }
  return checked;
}

/** {@link checkOptions} without the key check, for records of any keys (headers, form fields). */
export function checkObject<T extends object>(where: string, value: T | undefined): T {
  if (value === undefined) return {} as T;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidParamError(`${where} must be an object, not ${describeValue(value)}`);
  }
  ownKeys(where, value);
  return value;
}

/** The own enumerable keys; a revoked Proxy (whose keys cannot be read) is an InvalidParamError. */
function ownKeys(where: string, value: object): string[] {
  try {
    return Object.keys(value);
  } catch {
    throw new InvalidParamError(`${where} cannot be read (${describeValue(value)})`);
  }
}
