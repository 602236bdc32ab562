import { optionKeys } from '../options/check-options.js';
import type { Effects } from './effects.js';

/** Options of a copy inside Uploadcare storage (`files/local_copy/`). */
export interface LocalCopyOptions {
  /** Effects applied to the copy, appended to the file's `defaultEffects`. */
  readonly effects?: Effects;
  /** Store the copy. Default false (the API's default). */
  readonly store?: boolean;
  /** Metadata of the copy. */
  readonly metadata?: Readonly<Record<string, string>>;
  readonly target?: undefined;
}

/** Options of a copy to a custom storage of the project (`files/remote_copy/`). */
export interface RemoteCopyOptions {
  /** Effects applied to the copy, appended to the file's `defaultEffects`. */
  readonly effects?: Effects;
  /** Name of the custom storage. */
  readonly target: string;
  /** Make the copy reachable by public links. Default true (the API's default). */
  readonly makePublic?: boolean;
  /** Object name pattern in the bucket, e.g. `${uuid}/${auto_filename}`. Default: the storage's pattern. */
  readonly pattern?: string;
}

/** The keys of {@link LocalCopyOptions}. */
export const LOCAL_COPY_OPTION_KEYS = optionKeys<LocalCopyOptions>({ effects: true, store: true, metadata: true, target: true });
/** The keys of {@link RemoteCopyOptions}. */
export const REMOTE_COPY_OPTION_KEYS = optionKeys<RemoteCopyOptions>({ effects: true, target: true, makePublic: true, pattern: true });

/** The answer of `files/local_copy/`. */
export interface LocalCopyResponse<T> {
  readonly type: 'file';
  readonly result: T;
}

/** The answer of `files/remote_copy/`: the URL of the copy, e.g. `s3://bucket/<uuid>/name.png`. */
export interface RemoteCopyResponse {
  readonly type: 'url';
  readonly result: string;
}
