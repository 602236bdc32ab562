import type { FileRecord, GroupRecord, WebhookRecord } from './records.js';

/** Everything the emulator persists about its files, groups and webhooks (bytes live in the blob store). */
export interface StateSnapshot {
  readonly files: readonly FileRecord[];
  readonly groups: readonly GroupRecord[];
  readonly webhooks: readonly WebhookRecord[];
}

/** The kinds of records persisted, named as in {@link StateSnapshot}. */
export type Collection = keyof StateSnapshot;

/** Every collection, in the order they are written. */
export const COLLECTIONS: readonly Collection[] = ['files', 'groups', 'webhooks'];

/** Record fields that hold dates, by collection; JSON keeps them as ISO strings. */
const DATE_FIELDS: Readonly<Record<Collection, readonly string[]>> = {
  files: ['datetimeUploaded', 'datetimeStored', 'datetimeRemoved'],
  groups: ['datetimeCreated', 'datetimeStored'],
  webhooks: ['created', 'updated'],
};

/** A state file (snapshot or journal) that is not one this emulator wrote. */
export class SnapshotFormatError extends Error {
  override readonly name = 'SnapshotFormatError';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`Cannot read emulator state ${path}: ${reason}`);
  }
}

const FORMAT = 'rxuploadcare-emulator-state';
const VERSION = 1;

/** The snapshot file's text; `seq` is the number of the last journal entry it includes. */
export function encodeSnapshot(snapshot: StateSnapshot, seq: number): string {
  const { files, groups, webhooks } = snapshot;
  return JSON.stringify({ format: FORMAT, version: VERSION, seq, files, groups, webhooks });
}

/** Parses a snapshot file, turning the records' date fields back into Dates. */
export function decodeSnapshot(text: string, path: string): { snapshot: StateSnapshot; seq: number } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SnapshotFormatError(path, 'not JSON');
  }
  const raw = data as Record<string, unknown> | null;
  if (raw?.['format'] !== FORMAT) throw new SnapshotFormatError(path, `no "${FORMAT}" format marker`);
  if (raw['version'] !== VERSION) throw new SnapshotFormatError(path, `unsupported version ${String(raw['version'])}`);
  const seq = raw['seq'];
  if (typeof seq !== 'number' || !Number.isInteger(seq)) throw new SnapshotFormatError(path, 'no sequence number');
  const collection = (name: Collection): object[] => {
    const records = raw[name] ?? [];
    if (!Array.isArray(records)) throw new SnapshotFormatError(path, `${name} is not a list`);
    return records.map((record: Record<string, unknown>) => reviveRecord(name, record));
  };
  return {
    seq,
    snapshot: {
      files: collection('files') as FileRecord[],
      groups: collection('groups') as GroupRecord[],
      webhooks: collection('webhooks') as WebhookRecord[],
    },
  };
}

/** A record read from JSON with its date fields turned back into Dates (and, for files kept before tags, no tags). */
export function reviveRecord(collection: Collection, record: Record<string, unknown>): object {
  const revived: Record<string, unknown> = collection === 'files' ? { tags: [], ...record } : { ...record };
  for (const field of DATE_FIELDS[collection]) {
    const value = revived[field];
    if (typeof value === 'string') revived[field] = new Date(value);
  }
  return revived;
}
