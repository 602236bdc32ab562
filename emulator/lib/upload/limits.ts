import { totalmem } from 'node:os';
import { EmulatorOptionError } from '../option-error.js';

/**
 * The Upload API's size and count limits. Where the real service documents a value it is the default. Field and file
 * counts and field bytes it enforces without publishing values; their defaults are Django's (1 000 fields, 2.5 MiB of
 * fields, 100 files), whose three limit errors the real service's codes mirror. See docs/emulator.md, "Limits".
 */
export interface UploadLimits {
  /**
   * Bytes of the files of one direct upload (`POST /base/`) together. One file above it is
   * `FileSizeLimitExceededError` (400), several files together `RequestSizeLimitExceededError` (413). Real: 100 MB.
   */
  readonly directUploadBytes: number;
  /** Largest file a multipart or from-URL upload may make (`FileSizeLimitExceededError`). Real: a project setting, at most 5 TB. */
  readonly maxFileSize: number;
  /** Parts of one multipart upload; a smaller part size is then `MultipartPartSizeTooSmallError`. Real: S3's 10 000. */
  readonly multipartParts: number;
  /** Fields (not files) of one form (`RequestFiledsNumberLimitExceededError`, the real code's spelling). */
  readonly formFields: number;
  /** Bytes of a form's fields together, names included, and of a whole urlencoded body (`RequestSizeLimitExceededError`). */
  readonly formFieldBytes: number;
  /** Files of one direct upload (`RequestFileNumberLimitExceededError`). */
  readonly formFiles: number;
  /**
   * Without a data directory, the file bytes the emulator keeps in memory together; an upload that would pass it is
   * refused (`RequestSizeLimitExceededError`, a from-URL task `FileSizeLimitExceededError`) and kept in no part.
   * Emulator only; ignored with `dataDir`. Default: a quarter of the machine's memory.
   */
  readonly memoryStoreBytes: number;
}

/** The limits in force when none are given. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  directUploadBytes: 100 * 1024 * 1024,
  maxFileSize: 5 * 1024 ** 4,
  multipartParts: 10_000,
  formFields: 1000,
  formFieldBytes: 2.5 * 1024 * 1024,
  formFiles: 100,
  memoryStoreBytes: Math.floor(totalmem() / 4),
};

/** The names of the limits, as options and `--limit NAME=N` spell them. */
export const UPLOAD_LIMIT_NAMES = Object.keys(DEFAULT_UPLOAD_LIMITS) as (keyof UploadLimits)[];

/** The defaults with `given` over them, each checked to be a positive safe integer. */
export function resolveUploadLimits(given: Partial<UploadLimits> = {}): UploadLimits {
  const limits = { ...DEFAULT_UPLOAD_LIMITS, ...given };
  for (const name of UPLOAD_LIMIT_NAMES) {
    const value = limits[name];
    if (!Number.isSafeInteger(value) || value < 1) throw new EmulatorOptionError(`limits.${name}`, `must be a positive integer, got ${String(value)}`);
  }
  return limits;
}
