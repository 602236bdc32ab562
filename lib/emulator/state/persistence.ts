import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file.js';
import type { FileRecord, GroupRecord, WebhookRecord } from './records.js';
import { decodeSnapshot, encodeSnapshot, type StateSnapshot } from './snapshot.js';
import type { Store, StoreEvent } from './store.js';

/**
 * Keeps `<dir>/state.json` equal to the store's files, groups and webhooks. Every change schedules an atomic snapshot write
 * (changes made in the same tick share one write); {@link flush} resolves once every change made before it is on disk.
 */
export class StatePersistence {
  private readonly files = new Map<string, FileRecord>();
  private readonly groups = new Map<string, GroupRecord>();
  private readonly webhooks = new Map<number, WebhookRecord>();
  private changes = 0;
  private durable = 0;
  private writing: Promise<void> | null = null;
  private failure: unknown = null;
  private waiters: { target: number; resolve: () => void; reject: (error: unknown) => void }[] = [];

  private constructor(
    private readonly path: string,
    initial: StateSnapshot,
  ) {
    for (const file of initial.files) this.files.set(file.uuid, file);
    for (const group of initial.groups) this.groups.set(group.id, group);
    for (const webhook of initial.webhooks) this.webhooks.set(webhook.id, webhook);
  }

  /** Reads the state kept in `dir` (empty when there is none yet). */
  static async open(dir: string): Promise<{ persistence: StatePersistence; snapshot: StateSnapshot; fresh: boolean }> {
    const path = join(dir, 'state.json');
    let snapshot: StateSnapshot = { files: [], groups: [], webhooks: [] };
    let fresh = true;
    try {
      snapshot = decodeSnapshot(await readFile(path, 'utf8'), path);
      fresh = false;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    return { persistence: new StatePersistence(path, snapshot), snapshot, fresh };
  }

  /** Follows every change of `store` from now on. */
  attach(store: Store): void {
    store.onChange((event) => this.record(event));
  }

  /** Number of changes seen so far; compare before and after some work to know whether it changed anything. */
  get generation(): number {
    return this.changes;
  }

  /** Resolves once every change seen so far is on disk; rejects if writing failed. */
  flush(): Promise<void> {
    const target = this.changes;
    if (this.durable >= target) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.waiters.push({ target, resolve, reject }));
  }

  /** The state as last seen, as it is written. */
  snapshot(): StateSnapshot {
    return { files: [...this.files.values()], groups: [...this.groups.values()], webhooks: [...this.webhooks.values()] };
  }

  private record(event: StoreEvent): void {
    if ('file' in event) this.files.set(event.file.uuid, event.file);
    else if ('group' in event) {
      if (event.type === 'group.deleted') this.groups.delete(event.group.id);
      else this.groups.set(event.group.id, event.group);
    } else if (event.type === 'webhook.deleted') this.webhooks.delete(event.webhook.id);
    else this.webhooks.set(event.webhook.id, event.webhook);
    this.changes++;
    this.writing ??= this.writeLoop();
  }

  private async writeLoop(): Promise<void> {
    // Let the changes of the current tick accumulate into one write.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      while (this.durable < this.changes) {
        const generation = this.changes;
        await writeFileAtomic(this.path, encodeSnapshot(this.snapshot()));
        this.durable = generation;
        this.failure = null;
        this.waiters = this.waiters.filter((waiter) => {
          if (waiter.target > generation) return true;
          waiter.resolve();
          return false;
        });
      }
    } catch (error) {
      this.failure = error;
      process.stderr.write(`Emulator state could not be written to ${this.path}: ${String(error)}\n`);
      for (const waiter of this.waiters) waiter.reject(error);
      this.waiters = [];
    } finally {
      this.writing = null;
    }
  }
}
