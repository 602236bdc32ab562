import type { FileInfo } from './file-info.js';

/** A group as REST API v0.7 describes it (`GET groups/<id>/`). */
export interface GroupInfo {
  readonly id: string;
  readonly datetime_created: string;
  /**
   * REST v0.7 no longer reports it; kept for servers that still do. When absent, a group counts as stored once
   * every file still in it is stored (see {@link FileGroup.datetimeStored}).
   */
  readonly datetime_stored?: string | null;
  readonly files_count: number;
  readonly cdn_url: string;
  readonly url: string;
  /** The files in order; null for a file deleted since. Absent in group lists. */
  readonly files?: readonly (FileInfo | null)[] | null;
}
