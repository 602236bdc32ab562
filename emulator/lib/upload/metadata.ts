import { UploadApiError } from './errors.js';
import type { RequestParams } from './params.js';

/** The Upload API's limits on `metadata[key]=value` fields. */
export const METADATA_LIMITS = { maxKeys: 50, maxKeyLength: 64, maxValueLength: 512 } as const;

const KEY_PATTERN = /^[\w\-.:]+$/;

/** Validates metadata given with an upload, with the real service's errors; returns it unchanged. */
export function validateMetadata(metadata: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const entries = Object.entries(metadata);
  if (entries.length > METADATA_LIMITS.maxKeys) {
    throw new UploadApiError('FileMetadataKeysNumberTooBigError', METADATA_LIMITS.maxKeys);
  }
  for (const [key, value] of entries) {
    if (key === '') throw new UploadApiError('FileMetadataKeyEmptyError');
    if (key.length > METADATA_LIMITS.maxKeyLength) {
      throw new UploadApiError('FileMetadataKeyLengthTooBigError', key, METADATA_LIMITS.maxKeyLength);
    }
    if (!KEY_PATTERN.test(key)) throw new UploadApiError('FileMetadataKeyForbiddenError', key);
    if (value === '') throw new UploadApiError('FileMetadataValueEmptyError', key);
    if (value.length > METADATA_LIMITS.maxValueLength) {
      throw new UploadApiError('FileMetadataValueLengthTooBigError', key, METADATA_LIMITS.maxValueLength);
    }
    if (value.includes('\0')) throw new UploadApiError('FileMetadataValueForbiddenError', key);
  }
  return metadata;
}

/** An upload's metadata fields, checked. */
export function uploadMetadata(params: RequestParams): Readonly<Record<string, string>> {
  return validateMetadata(params.metadata());
}
