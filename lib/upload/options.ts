import { InvalidParamError } from '../errors.js';
import { checkMetadataRecord } from '../resources/metadata.js';
import { checkTags } from '../resources/tag-rules.js';
import type { UploadPolicy } from './policy.js';
import type { SigningOptions, UploadSignature } from './signature.js';
import { describeValue } from '../describe-value.js';
import { checkOptions, optionKeys } from '../options/check-options.js';

/** `'auto'` follows the project's autostore setting; true stores, false leaves the file temporary (24 h). */
export type StoreOption = 'auto' | boolean;

/** Options common to every kind of upload. */
export interface UploadOptions extends SigningOptions {
  /** Default `'auto'`. */
  readonly store?: StoreOption;
  /** The file's name; default: the source's name (a File's or path's), else `original`. */
  readonly filename?: string;
  /** The file's MIME type; default: the source's type, else `application/octet-stream`. */
  readonly contentType?: string;
  /** Metadata to attach: keys `[-_.:A-Za-z0-9]{1,64}`, values of 1 to 512 characters. */
  readonly metadata?: Readonly<Record<string, string>>;
  /** File tags: at most 50 of `A-Za-z0-9-_.` (Uploadcare lowercases them). Sent as the comma-separated `tags` field. */
  readonly tags?: readonly string[];
  /** Wait until the file is ready (`is_ready`) before completing. Default false. */
  readonly waitUntilReady?: boolean;
  /** Splitting, concurrency and retries. */
  readonly policy?: Partial<UploadPolicy>;
}

/** The keys of {@link UploadOptions}. */
export const UPLOAD_OPTION_KEYS = optionKeys<UploadOptions>({
  store: true,
  filename: true,
  contentType: true,
  metadata: true,
  tags: true,
  waitUntilReady: true,
  policy: true,
  signed: true,
  signatureLifetimeSeconds: true,
});

/**
 * Checks options that can be wrong before any request: an object (undefined is `{}`) of `known` keys only, with
 * sensible values. Returns them.
 */
export function checkUploadOptions<T extends UploadOptions>(options: T | undefined, known: readonly string[] = UPLOAD_OPTION_KEYS): T {
  const checked = checkOptions('upload options', options, known);
  const { store, filename, contentType, metadata, tags, waitUntilReady } = checked;
  if (store !== undefined && store !== 'auto' && typeof store !== 'boolean') {
    throw new InvalidParamError(`store must be 'auto', true or false, got ${describeValue(store)}.`);
  }
  if (filename !== undefined && (typeof filename !== 'string' || filename === '')) {
    throw new InvalidParamError('filename must be a non-empty string.');
  }
  if (contentType !== undefined && (typeof contentType !== 'string' || !contentType.includes('/'))) {
    throw new InvalidParamError(`contentType must be a MIME type like 'image/png', got ${describeValue(contentType)}.`);
  }
  if (metadata !== undefined) checkMetadataRecord(metadata);
  if (tags !== undefined) checkTags(tags);
  if (waitUntilReady !== undefined && typeof waitUntilReady !== 'boolean') {
    throw new InvalidParamError(`waitUntilReady must be true or false, got ${describeValue(waitUntilReady)}.`);
  }
  return checked;
}

/** `UPLOADCARE_STORE` / `store` value. */
export function storeField(store: StoreOption | undefined): string {
  if (store === undefined || store === 'auto') return 'auto';
  return store ? '1' : '0';
}

/** `metadata[key]` fields, the `tags` field, the signature fields, and nothing for what is absent. */
export function commonFields(
  { metadata, tags }: Pick<UploadOptions, 'metadata' | 'tags'>,
  signature: UploadSignature | null,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata ?? {})) fields[`metadata[${key}]`] = value;
  if (tags !== undefined && tags.length > 0) fields['tags'] = tags.join(',');
  if (signature) {
    fields['signature'] = signature.signature;
    fields['expire'] = String(signature.expire);
  }
  return fields;
}
