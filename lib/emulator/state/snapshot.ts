import type { FileRecord, GroupRecord, WebhookRecord } from './records.js';

/** Everything the emulator persists about its files, groups and webhooks (bytes live in the blob store). */
export interface StateSnapshot {
  readonly files: readonly FileRecord[];
  readonly groups: readonly GroupRecord[];
  readonly webhooks: readonly WebhookRecord[];
}

/** Record fields that hold dates, by collection; JSON keeps them as ISO strings. */
const DATE_FIELDS = {
  files: ['datetimeUploaded', 'datetimeStored', 'datetimeRemoved'],
  groups: ['datetimeCreated', 'datetimeStored'],
  webhooks: ['created', 'updated'],
} as const;

/** The snapshot file is not one this emulator wrote. */
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

export function encodeSnapshot(snapshot: StateSnapshot): string {
  const { files, groups, webhooks } = snapshot;
  return JSON.stringify({ format: FORMAT, version: VERSION, files, groups, webhooks });
}

/** Parses a snapshot, turning the records' date fields back into Dates. */
export function decodeSnapshot(text: string, path: string): StateSnapshot {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SnapshotFormatError(path, 'not JSON');
  }
  const raw = data as Record<string, unknown> | null;
  if (raw?.['format'] !== FORMAT) throw new SnapshotFormatError(path, `no "${FORMAT}" format marker`);
  if (raw['version'] !== VERSION) throw new SnapshotFormatError(path, `unsupported version ${String(raw['version'])}`);
  const collection = (name: keyof typeof DATE_FIELDS): Record<string, unknown>[] => {
    const records = raw[name] ?? [];
    if (!Array.isArray(records)) throw new SnapshotFormatError(path, `${name} is not a list`);
    return records.map((record: Record<string, unknown>) => {
      const revived = { ...record };
      for (const field of DATE_FIELDS[name]) {
        const value = revived[field];
        if (typeof value === 'string') revived[field] = new Date(value);
      }
      return revived;
    });
  };
  return {
    files: collection('files') as unknown as FileRecord[],
    groups: collection('groups') as unknown as GroupRecord[],
    webhooks: collection('webhooks') as unknown as WebhookRecord[],
  };
}
