import { formatDatetime, formatNullableDatetime } from '../rest/datetime.js';
import type { GroupRecord } from '../state/records.js';
import type { Store } from '../state/store.js';
import { uploadFileInfoJson, type UploadFileInfoJson } from './file-info.js';

/** A group as the Upload API describes it (`/group/`, `/group/info/`). */
export interface UploadGroupInfoJson {
  readonly id: string;
  readonly datetime_created: string;
  readonly datetime_stored: string | null;
  readonly files_count: number;
  readonly cdn_url: string;
  readonly url: string;
  /** Each member's file info with the effects it was grouped with; null for a removed file. */
  readonly files: ((UploadFileInfoJson & { readonly default_effects: string }) | null)[];
}

/** The Upload API's JSON for a group record; `origin` serves both the CDN and the REST API. */
export function uploadGroupInfoJson(group: GroupRecord, store: Store, origin: string): UploadGroupInfoJson {
  return {
    id: group.id,
    datetime_created: formatDatetime(group.datetimeCreated),
    datetime_stored: formatNullableDatetime(group.datetimeStored),
    files_count: group.files.length,
    cdn_url: `${origin}/${group.id}/`,
    url: `${origin}/groups/${group.id}/`,
    files: group.files.map((member) => {
      const file = store.fileByUuid(member.uuid);
      return file && !file.datetimeRemoved ? { ...uploadFileInfoJson(file), default_effects: member.effects } : null;
    }),
  };
}
