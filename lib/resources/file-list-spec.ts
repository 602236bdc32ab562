import type { UploadcareClient } from '../core/client.js';
import { checkInclude, type FileInfo } from './file-info.js';
import { checkListOptions, checkTriState, type ListOptions } from './list-options.js';
import { optionKeys } from '../options/check-options.js';
import type { ListSpec } from './list-run.js';

/** Filters of a {@link FileList} and of {@link listFiles}. */
export interface FileListOptions extends ListOptions {
  /** true: stored files only; false: not stored only; null or absent: both. */
  readonly stored?: boolean | null;
  /**
   * true: removed files only; false (default): existing files only; null: both (REST v0.7 lists them separately: the
   * existing files, then the removed ones).
   */
  readonly removed?: boolean | null;
  /** `appdata`: each file's info includes the results of add-ons. */
  readonly include?: 'appdata';
}

const FILE_LIST_OPTION_KEYS = optionKeys<FileListOptions>({ since: true, until: true, limit: true, requestLimit: true, stored: true, removed: true, include: true });

/**
 * What `GET files/` lists for `given` (InvalidParamError for a bad option, before any request), each entry built by
 * `construct`: a {@link File} for {@link FileList}, the info as it is for {@link listFiles}.
 */
export function fileListSpec<T>(
  given: FileListOptions | undefined,
  client: UploadcareClient | undefined,
  construct: (info: FileInfo, client: UploadcareClient | undefined) => T,
): ListSpec<T, FileInfo> {
  const query = checkListOptions(given, FILE_LIST_OPTION_KEYS);
  const options = given ?? {};
  const stored = checkTriState('stored', options.stored);
  const removed = options.removed === undefined ? false : checkTriState('removed', options.removed);
  checkInclude(options.include);
  const removedStates = removed === null ? [false, true] : [removed];
  const filters = (removedState: boolean): Record<string, string> => ({
    removed: String(removedState),
    ...(stored !== null && { stored: String(stored) }),
  });
  const firstPages = removedStates.map((removedState) =>
    listPath({
      ...filters(removedState),
      limit: String(query.pageSize),
      ordering: query.window?.descending ? '-datetime_uploaded' : 'datetime_uploaded',
      ...(query.window && { from: query.window.from }),
      ...(options.include && { include: options.include }),
    }),
  );
  return {
    client,
    firstPages,
    countPages: query.window
      ? { unsupported: 'Count objects is not supported with since or until' }
      : { paths: removedStates.map((removedState) => listPath({ ...filters(removedState), limit: '1' })) },
    limit: query.limit,
    construct,
  };
}

function listPath(params: Record<string, string>): string {
  return `files/?${new URLSearchParams(params).toString()}`;
}
