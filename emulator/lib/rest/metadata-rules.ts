import { badRequest } from './params.js';

/** Uploadcare's file metadata limits. */
export const METADATA_RULES = { keyPattern: /^[-_.:A-Za-z0-9]{1,64}$/, maxValueLength: 512, maxKeys: 50 } as const;

/** Returns a valid metadata key; a 400 otherwise. */
export function checkMetadataKey(key: string): string {
  if (!METADATA_RULES.keyPattern.test(key)) {
    throw badRequest('Invalid metadata key: up to 64 characters of A-Z, a-z, 0-9, "-", "_", "." and ":".');
  }
  return key;
}

/** Returns a valid metadata value (a string of 1 to 512 characters); a 400 otherwise. */
export function checkMetadataValue(value: unknown): string {
  if (typeof value !== 'string') throw badRequest('Metadata value must be a JSON string.');
  if (value.length < 1 || value.length > METADATA_RULES.maxValueLength) {
    throw badRequest(`Metadata value must be 1 to ${METADATA_RULES.maxValueLength} characters long.`);
  }
  return value;
}

/** A 400 when a file's metadata would have more keys than allowed. */
export function checkMetadataCount(metadata: Readonly<Record<string, string>>): void {
  if (Object.keys(metadata).length > METADATA_RULES.maxKeys) {
    throw badRequest(`A file can have at most ${METADATA_RULES.maxKeys} metadata keys.`);
  }
}

/** A whole metadata object (as `local_copy` takes it), every key and value checked. */
export function checkMetadata(metadata: unknown): Record<string, string> {
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) {
    throw badRequest('`metadata` must be a JSON object of strings.');
  }
  const checked: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata)) checked[checkMetadataKey(key)] = checkMetadataValue(value);
  checkMetadataCount(checked);
  return checked;
}
