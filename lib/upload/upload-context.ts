import type { UploadcareClient } from '../core/client.js';
import type { UploadPolicy } from './policy.js';
import type { OpenedSource } from './source.js';

/** Everything one file upload needs once its source is open and its options checked. */
export interface UploadContext {
  readonly client: UploadcareClient;
  readonly source: OpenedSource;
  readonly filename: string;
  readonly contentType: string;
  /** `UPLOADCARE_STORE` value: `auto`, `1` or `0`. */
  readonly store: string;
  /** Metadata and signature fields, sent with the call that creates the file. */
  readonly fields: Readonly<Record<string, string>>;
  readonly policy: UploadPolicy;
  /** Called with the file's bytes sent so far (monotonic). */
  readonly onProgress: (done: number) => void;
}

/** Default file name when neither the options nor the source give one (the official clients' choice). */
export const DEFAULT_FILENAME = 'original';
/** Default content type when neither the options nor the source give one. */
export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
