import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { optionKeys } from '../options/check-options.js';

/** Add-on results attached to a file (REST `include=appdata`), keyed by add-on name. */
export type AppData = Readonly<Record<string, unknown>>;

/** A file as REST API v0.7 describes it (`GET files/<uuid>/`). */
export interface FileInfo {
  readonly uuid: string;
  readonly datetime_uploaded: string;
  readonly datetime_stored: string | null;
  readonly datetime_removed: string | null;
  readonly is_image: boolean;
  readonly is_ready: boolean;
  readonly mime_type: string;
  readonly original_file_url: string | null;
  readonly original_filename: string;
  readonly size: number;
  readonly url: string;
  readonly variations: Readonly<Record<string, string>> | null;
  readonly content_info: Readonly<Record<string, unknown>> | null;
  readonly metadata: Readonly<Record<string, string>> | null;
  /** File tags, in storage order (`[]` for none); absent from answers of services or versions without tags. */
  readonly tags?: readonly string[] | null;
  /** Present when the file was requested with `include: 'appdata'`. */
  readonly appdata?: AppData | null;
  /** Present on the files of a group: the effects the group was created with. */
  readonly default_effects?: string;
}

/** What to add to a file's info: `appdata` asks for the results of add-ons. */
export interface FileInfoOptions {
  readonly include?: 'appdata';
}

/** The keys of {@link FileInfoOptions}. */
export const FILE_INFO_OPTION_KEYS = optionKeys<FileInfoOptions>({ include: true });

/** @throws InvalidParamError unless `include` is absent or `'appdata'`, before any request. */
export function checkInclude(include: FileInfoOptions['include']): void {
  if (include !== undefined && include !== 'appdata') throw new InvalidParamError(`include must be 'appdata', not ${describeValue(include)}`);
}

/** A date of the API (ISO 8601) as a Date; null for null, empty or unparsable values. */
export function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
