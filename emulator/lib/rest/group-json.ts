import type { GroupRecord } from '../state/records.js';
import type { Store } from '../state/store.js';
import { formatDatetime } from './datetime.js';
import { fileJson } from './file-json.js';

/** A group as `GET /groups/` lists it (the `group` schema). */
export function groupJson(group: GroupRecord, origin: string): Record<string, unknown> {
  return {
    id: group.id,
    datetime_created: formatDatetime(group.datetimeCreated),
    files_count: group.files.length,
    cdn_url: `${origin}/${group.id}/`,
    url: `${origin}/groups/${group.id}/`,
  };
}

/**
 * A group with its files (`groupWithFiles`): each file's info plus the effects the group applies to it;
 * null for a removed file, as the API documents.
 */
export function groupWithFilesJson(group: GroupRecord, store: Store, origin: string): Record<string, unknown> {
  return {
    ...groupJson(group, origin),
    files: group.files.map((member) => {
      const file = store.file(group.projectKey, member.uuid);
      return file && !file.datetimeRemoved ? { ...fileJson(file, origin), default_effects: member.effects } : null;
    }),
  };
}
