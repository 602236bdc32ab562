import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import { Journal, type JournalEntry } from './journal.js';
import type { FileRecord, GroupRecord, WebhookRecord } from './records.js';
import { decodeSnapshot, encodeSnapshot, type Collection, type StateSnapshot } from './snapshot.js';
import type { Store, StoreEvent, StoredRecord } from './store.js';
import { currentOwner, type ChangeOwner } from './change-owner.js';

/** When the journal outgrows both this and the last snapshot, it is folded into a new snapshot. */
export const MIN_JOURNAL_BYTES_BEFORE_SNAPSHOT = 1024 * 1024;

type Key = string | number;

/** A change recorded but not yet on disk: what to put back if writing it fails, and the request that made it. */
interface PendingChange {
  readonly event: StoreEvent;
  readonly entry: JournalEntry;
  readonly before: StoredRecord | undefined;
  readonly owner: ChangeOwner | undefined;
}

/**
 * Keeps the store's files, groups and webhooks in `<dir>`: `state.json`, a snapshot replaced atomically (temporary
 * file, fsync, rename, directory fsync), and `journal.ndjson`, the changes since, appended and fsynced in batches
 * (the changes of one tick share a write). Writing costs what changed, not the whole state; the journal is folded
 * into a new snapshot when it grows as large as the last one, and at every start.
 *
 * A batch that cannot be written is undone in memory (with every change recorded while it was being written), so
 * memory stays what the disk holds; the requests that made those changes fail ({@link whenDurable} rejects). The
 * next write after a failure is a whole snapshot, which repairs whatever the failed write left on disk (a torn
 * journal line, a snapshot already renamed into place); later requests are not failed by an earlier failure.
 */
export class StatePersistence {
  private readonly records: Record<Collection, Map<Key, StoredRecord>> = { files: new Map(), groups: new Map(), webhooks: new Map() };
  private pending: PendingChange[] = [];
  private seq: number;
  private durableSeq: number;
  private snapshotBytes = 0;
  private writing: Promise<void> | null = null;
  /** Set by a failed write: the disk may hold more than memory until a whole snapshot is written. */
  private needsSnapshot = false;
  private store: Store | null = null;
  private waiters: { owner: ChangeOwner; resolve: () => void; reject: (error: unknown) => void }[] = [];

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

  /** Follows every change of `store` from now on (and undoes in it the changes that could not be written). */
  attach(store: Store): void {
    this.store = store;
    store.deferCommits((owner) => this.whenDurable(owner));
    store.onChange((event) => this.record(event));
  }

  /** Resolves once `owner`'s changes are on disk; rejects with the write's error when they were undone. */
  whenDurable(owner: ChangeOwner): Promise<void> {
    if (owner.failure !== null) return Promise.reject(owner.failure);
    if (this.durableSeq >= owner.lastSeq) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ owner, resolve, reject }));
  }

  /** Resolves once every change seen so far is written or undone. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Writes what is pending (repairing the disk after a failed write), then closes the journal. */
  async close(): Promise<void> {
    try {
      await this.flush();
      if (this.needsSnapshot) await this.writeSnapshot();
    } finally {
      await this.journal.close();
    }
  }

  private record(event: StoreEvent): void {
    if (event.type === 'state.reverted') return; // undone by this class itself: memory is back to the disk
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
    const before = this.records[entry.collection].get(keyOfEntry(entry));
    const owner = currentOwner();
    if (owner) owner.lastSeq = seq;
    this.apply(entry);
    this.pending.push({ event, entry, before, owner });
    this.writing ??= this.writeLoop();
  }

  private apply(entry: JournalEntry): void {
    const records = this.records[entry.collection];
    if (entry.op === 'delete') records.delete(entry.key);
    else records.set(keyOfEntry(entry), entry.record as StoredRecord);
  }

  private async writeLoop(): Promise<void> {
    // Let the changes of the current tick gather into one write.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const upTo = this.seq;
      try {
        if (this.needsSnapshot || this.journal.size >= Math.max(MIN_JOURNAL_BYTES_BEFORE_SNAPSHOT, this.snapshotBytes)) {
          await this.writeSnapshot();
          this.needsSnapshot = false;
        } else {
          await this.journal.append(batch.map((change) => change.entry));
        }
      } catch (error) {
        process.stderr.write(`Emulator state could not be written to ${this.snapshotPath}: ${String(error)}\n`);
        this.undo([...batch, ...this.pending], error);
        continue;
      }
      for (const change of batch) this.store?.commit(change.event);
      this.settle(upTo);
    }
    this.writing = null;
  }

  /** Takes `changes` back (newest first) in the records and the store, and fails the requests that made them. */
  private undo(changes: readonly PendingChange[], error: unknown): void {
    this.pending = [];
    this.needsSnapshot = true;
    for (const { entry, before, owner } of [...changes].reverse()) {
      const key = keyOfEntry(entry);
      if (before) this.records[entry.collection].set(key, before);
      else this.records[entry.collection].delete(key);
      this.store?.revert(entry.collection, key, before);
      if (owner) owner.failure = error;
      // A file that never was leaves no bytes behind (every file record owns its blob alone).
      if (entry.op === 'put' && entry.collection === 'files' && !before) this.dropBlob((entry.record as FileRecord).blobId);
    }
    this.settle(this.seq);
  }

  private dropBlob(id: string): void {
    this.store?.blobs.delete(id).catch((error: unknown) => {
      process.stderr.write(`Emulator blob ${id} of an undone upload could not be deleted (it goes at the next start): ${String(error)}\n`);
    });
  }

  /** Every change up to `upTo` is on disk or undone: answers the requests waiting for theirs. */
  private settle(upTo: number): void {
    this.durableSeq = upTo;
    this.waiters = this.waiters.filter(({ owner, resolve, reject }) => {
      if (owner.failure !== null) reject(owner.failure);
      else if (owner.lastSeq <= upTo) resolve();
      else return true;
      return false;
    });
  }

  /** Replaces the snapshot with the state up to the current sequence number, then empties the journal. */
  private async writeSnapshot(): Promise<void> {
    const text = encodeSnapshot(this.snapshot(), this.seq);
    await writeFileAtomic(this.snapshotPath, text);
    this.snapshotBytes = Buffer.byteLength(text);
    await this.journal.clear();
  }
}

function keyOfEntry(entry: JournalEntry): Key {
  return entry.op === 'delete' ? entry.key : keyOf(entry.collection, entry.record);
}

function keyOf(collection: Collection, record: object): Key {
  if (collection === 'files') return (record as FileRecord).uuid;
  return (record as GroupRecord | WebhookRecord).id;
}
