import { InvalidParamError } from '../errors.js';
import { definedFields } from './defined-fields.js';
import { describeValue } from '../describe-value.js';
import { checkOptions, optionKeys } from '../options/check-options.js';

/** How uploads are split and sent. Plain data: override any field per client or per upload. */
export interface UploadPolicy {
  /** Inputs of at least this many bytes go multipart; smaller ones go to `base/`. Default and minimum 10 MiB (the API's). */
  readonly multipartThreshold: number;
  /** Multipart parts in flight at once. Default 4. */
  readonly partConcurrency: number;
  /** Times a failed or throttled part is sent again (alone) before the upload fails. Default 3. */
  readonly partRetries: number;
  /** Part size asked from `multipart/start/`. Default and minimum 5 MiB (the API's). */
  readonly partSize: number;
  /** Files of a group upload in flight at once. Default 4. */
  readonly fileConcurrency: number;
}

/** The Upload API's smallest multipart upload: 10 MiB. */
export const MULTIPART_MIN_SIZE = 10 * 1024 * 1024;
/** The Upload API's smallest multipart part: 5 MiB. */
export const MULTIPART_MIN_PART_SIZE = 5 * 1024 * 1024;

/** The documented defaults of {@link UploadPolicy}. */
export const DEFAULT_UPLOAD_POLICY: UploadPolicy = Object.freeze({
  multipartThreshold: MULTIPART_MIN_SIZE,
  partConcurrency: 4,
  partRetries: 3,
  partSize: MULTIPART_MIN_PART_SIZE,
  fileConcurrency: 4,
});

const UPLOAD_POLICY_KEYS = optionKeys<UploadPolicy>({ multipartThreshold: true, partConcurrency: true, partRetries: true, partSize: true, fileConcurrency: true });

/** Fills a partial policy with the defaults and checks every field (InvalidParamError on nonsense, UnknownOptionError on a typo). */
export function resolveUploadPolicy(policy?: Partial<UploadPolicy>): UploadPolicy {
  const resolved: UploadPolicy = { ...DEFAULT_UPLOAD_POLICY, ...definedFields(checkOptions('upload policy', policy, UPLOAD_POLICY_KEYS)) };
  requireInteger('multipartThreshold', resolved.multipartThreshold, MULTIPART_MIN_SIZE);
  requireInteger('partSize', resolved.partSize, MULTIPART_MIN_PART_SIZE);
  requireInteger('partConcurrency', resolved.partConcurrency, 1);
  requireInteger('fileConcurrency', resolved.fileConcurrency, 1);
  requireInteger('partRetries', resolved.partRetries, 0);
  return resolved;
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new InvalidParamError(`Upload policy ${name} must be an integer >= ${min}, got ${describeValue(value)}.`);
  }
}
