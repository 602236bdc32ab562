import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { Journal, type JournalEntry } from './journal.js';
import type { FileRecord, GroupRecord, WebhookRecord } from './records.js';
import { decodeSnapshot, encodeSnapshot, type Collection, type StateSnapshot } from './snapshot.js';
import type { Store, StoreEvent } from './store.js';

/** When the journal outgrows both this and the last snapshot, it is folded into a new snapshot. */
export const MIN_JOURNAL_BYTES_BEFORE_SNAPSHOT = 1024 * 1024;

type Key = string | number;

/**
 * Keeps the store's files, groups and webhooks in `<dir>`: `state.json`, a snapshot replaced atomically (temporary
 * file, fsync, rename, directory fsync), and `journal.ndjson`, the changes since, appended and fsynced in batches
 * (the changes of one tick share a write). Writing costs what changed, not the whole state; the journal is folded
 * into a new snapshot when it grows as large as the last one, and at every start.
 * {@link flush} resolves once every change seen before it is on disk.
 */
export class StatePersistence {
  private readonly records: Record<Collection, Map<Key, object>> = { files: new Map(), groups: new Map(), webhooks: new Map() };
  private pending: JournalEntry[] = [];
  private seq: number;
  private durableSeq: number;
  private snapshotBytes = 0;
  private writing: Promise<void> | null = null;
  private failure: unknown = null;
  private waiters: { target: number; resolve: () => void; reject: (error: unknown) => void }[] = [];

  private constructor(
    private readonly snapshotPath: string,
    private readonly journal: Journal,
    snapshot: StateSnapshot,
    seq: number,
  ) {
    for (const file of snapshot.files) this.records.files.set(file.uuid, file);
    for (const group of snapshot.groups) this.records.groups.set(group.id, group);
    for (const webhook of snapshot.webhooks) this.records.webhooks.set(webhook.id, webhook);
    this.seq = seq;
    this.durableSeq = seq;
  }

  /** Reads the state kept in `dir` (snapshot, then the journal's later entries) and folds it into a fresh snapshot. */
  static async open(dir: string): Promise<StatePersistence> {
    const snapshotPath = join(dir, 'state.json');
    let snapshot: StateSnapshot = { files: [], groups: [], webhooks: [] };
    let seq = 0;
    try {
      ({ snapshot, seq } = decodeSnapshot(await readFile(snapshotPath, 'utf8'), snapshotPath));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const { journal, entries } = await Journal.open(join(dir, 'journal.ndjson'));
    const persistence = new StatePersistence(snapshotPath, journal, snapshot, seq);
    for (const entry of entries) {
      if (entry.seq > persistence.seq) {
        persistence.apply(entry);
        persistence.seq = entry.seq;
      }
    }
    persistence.durableSeq = persistence.seq;
    await persistence.writeSnapshot();
    return persistence;
  }

  /** The state as last seen. */
  snapshot(): StateSnapshot {
    return {
      files: [...this.records.files.values()] as FileRecord[],
      groups: [...this.records.groups.values()] as GroupRecord[],
      webhooks: [...this.records.webhooks.values()] as WebhookRecord[],
    };
  }

  /** Follows every change of `store` from now on. */
  attach(store: Store): void {
    store.onChange((event) => this.record(event));
  }

  /** Number of changes seen so far; compare before and after some work to know whether it changed anything. */
  get generation(): number {
    return this.seq;
  }

  /** Resolves once every change seen so far is on disk; rejects if writing failed. */
  flush(): Promise<void> {
    const target = this.seq;
    if (this.durableSeq >= target) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ target, resolve, reject }));
  }

  /** Writes what is pending, then closes the journal. */
  async close(): Promise<void> {
    await this.flush();
    await this.journal.close();
  }

  private record(event: StoreEvent): void {
    const seq = ++this.seq;
    let entry: JournalEntry;
    if ('file' in event) entry = { seq, op: 'put', collection: 'files', record: event.file };
    else if ('group' in event) {
      entry =
        event.type === 'group.deleted'
          ? { seq, op: 'delete', collection: 'groups', key: event.group.id }
          : { seq, op: 'put', collection: 'groups', record: event.group };
    } else {
      entry =
        event.type === 'webhook.deleted'
          ? { seq, op: 'delete', collection: 'webhooks', key: event.webhook.id }
          : { seq, op: 'put', collection: 'webhooks', record: event.webhook };
    }
    this.apply(entry);
    this.pending.push(entry);
    this.writing ??= this.writeLoop();
  }

  private apply(entry: JournalEntry): void {
    const records = this.records[entry.collection];
    if (entry.op === 'delete') records.delete(entry.key);
    else records.set(keyOf(entry.collection, entry.record), entry.record);
  }

  private async writeLoop(): Promise<void> {
    // Let the changes of the current tick gather into one write.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.pending.length > 0) {
        const batch = this.pending;
        this.pending = [];
        const upTo = this.seq;
        if (this.journal.size >= Math.max(MIN_JOURNAL_BYTES_BEFORE_SNAPSHOT, this.snapshotBytes)) {
          await this.writeSnapshot();
        } else {
          await this.journal.append(batch);
        }
        this.durableSeq = upTo;
        this.failure = null;
        this.waiters = this.waiters.filter((waiter) => {
          if (waiter.target > upTo) return true;
          waiter.resolve();
          return false;
        });
      }
    } catch (error) {
      this.failure = error;
      process.stderr.write(`Emulator state could not be written to ${this.snapshotPath}: ${String(error)}\n`);
      for (const waiter of this.waiters) waiter.reject(error);
      this.waiters = [];
    } finally {
      this.writing = null;
    }
  }

  /** Replaces the snapshot with the state up to the current sequence number, then empties the journal. */
  private async writeSnapshot(): Promise<void> {
    const text = encodeSnapshot(this.snapshot(), this.seq);
    await writeFileAtomic(this.snapshotPath, text);
    this.snapshotBytes = Buffer.byteLength(text);
    await this.journal.clear();
  }
}

function keyOf(collection: Collection, record: object): Key {
  if (collection === 'files') return (record as FileRecord).uuid;
  return (record as GroupRecord | WebhookRecord).id;
}
