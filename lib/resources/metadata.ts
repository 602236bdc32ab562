import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';

/** What Uploadcare accepts as a metadata key: 1 to 64 of `A-Z a-z 0-9 _ - . :`. */
export const METADATA_KEY = /^[-_.:A-Za-z0-9]{1,64}$/;
/** The longest metadata value Uploadcare accepts, in characters. */
export const METADATA_VALUE_MAX_LENGTH = 512;

/** @throws InvalidParamError unless `key` is a valid metadata key. */
export function checkMetadataKey(key: string): string {
  if (typeof key !== 'string' || !METADATA_KEY.test(key)) {
    throw new InvalidParamError(`Invalid metadata key ${describeValue(key)}: 1-64 characters of A-Z a-z 0-9 _ - . :`);
  }
  // As a path segment (`files/<uuid>/metadata/<key>/`), '.' and '..' would be resolved away into another endpoint.
  if (key === '.' || key === '..') throw new InvalidParamError(`Invalid metadata key ${describeValue(key)}: it cannot be used in a URL path`);
  return key;
}

/** @throws InvalidParamError unless `value` is a string of 1 to 512 characters. */
export function checkMetadataValue(value: string): string {
  if (typeof value !== 'string' || value.length < 1 || value.length > METADATA_VALUE_MAX_LENGTH) {
    throw new InvalidParamError(`Invalid metadata value: a string of 1-${METADATA_VALUE_MAX_LENGTH} characters is expected`);
  }
  return value;
}

/** @throws InvalidParamError unless `metadata` is an object of valid metadata keys to valid values. */
export function checkMetadataRecord(metadata: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw new InvalidParamError(`metadata must be an object of keys to strings, not ${describeValue(metadata)}`);
  }
  for (const [key, value] of Object.entries(metadata)) {
    checkMetadataKey(key);
    checkMetadataValue(value);
  }
  return metadata;
}
