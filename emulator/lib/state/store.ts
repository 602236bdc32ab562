import { randomUUID } from 'node:crypto';
import type { BlobStore } from './blob-store.js';
import type { ChangeOwner } from './change-owner.js';
import type { FileRecord, GroupRecord, ProjectConfig, WebhookRecord } from './records.js';
import type { Collection } from './snapshot.js';

/** A record of one of the persisted collections. */
export type StoredRecord = FileRecord | GroupRecord | WebhookRecord;

/** A change to the state, as webhooks and persistence see it. */
export type StoreEvent =
  | {
      readonly type: 'file.uploaded' | 'file.stored' | 'file.deleted' | 'file.updated';
      readonly file: FileRecord;
      /** The record before the change, for updates (webhooks' `previous_values`). */
      readonly previous?: FileRecord;
    }
  | { readonly type: 'group.created' | 'group.updated' | 'group.deleted'; readonly group: GroupRecord }
  | { readonly type: 'webhook.created' | 'webhook.updated' | 'webhook.deleted'; readonly webhook: WebhookRecord }
  | {
      /** A change undone because it could not be made durable: the record is back as it was (absent: gone). */
      readonly type: 'state.reverted';
      readonly collection: Collection;
      readonly key: string | number;
      readonly record: StoredRecord | undefined;
    };

/**
 * Everything the emulator knows: projects, files, groups and the bytes behind them.
 * Records are immutable: every change goes through a method here, which emits a {@link StoreEvent},
 * so webhooks and persistence hook in at one place.
 */
export class Store {
  private readonly projectsByPublicKey = new Map<string, ProjectConfig>();
  private readonly files = new Map<string, FileRecord>();
  private readonly groups = new Map<string, GroupRecord>();
  private readonly listeners: ((event: StoreEvent) => void)[] = [];
  private readonly commitListeners: ((event: StoreEvent) => void)[] = [];
  /** Set once a persistence confirms changes itself ({@link deferCommits}): when `owner`'s changes are final. */
  private finalOf: ((owner: ChangeOwner) => Promise<void>) | null = null;
  private readonly webhooks = new Map<number, WebhookRecord>();
  private readonly remoteObjects = new Set<string>();

  constructor(
    projects: readonly ProjectConfig[],
    readonly blobs: BlobStore,
  ) {
    for (const project of projects) this.projectsByPublicKey.set(project.publicKey, project);
  }

  /** Calls `listener` after every change, as it is made in memory (undone changes are then `state.reverted`). */
  onChange(listener: (event: StoreEvent) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Calls `listener` after every change once it is final: at once in memory, once on disk with a data directory.
   * Effects outside the emulator (webhooks) listen here, so a change undone by a failed write never reaches them.
   */
  onCommit(listener: (event: StoreEvent) => void): void {
    this.commitListeners.push(listener);
  }

  /**
   * From now on changes are final only when {@link commit} says so (the persistence calls it once they are on disk);
   * `whenFinal` tells when an owner's changes are.
   */
  deferCommits(whenFinal: (owner: ChangeOwner) => Promise<void>): void {
    this.finalOf = whenFinal;
  }

  /** Resolves once the changes `owner` made are final (at once in memory); rejects when they were undone. */
  whenFinal(owner: ChangeOwner): Promise<void> {
    return this.finalOf ? this.finalOf(owner) : Promise.resolve();
  }

  /** Reports `event`, emitted earlier, as final. */
  commit(event: StoreEvent): void {
    for (const listener of this.commitListeners) listener(event);
  }

  project(publicKey: string): ProjectConfig | undefined {
    return this.projectsByPublicKey.get(publicKey);
  }

  projects(): readonly ProjectConfig[] {
    return [...this.projectsByPublicKey.values()];
  }

  newUuid(): string {
    return randomUUID();
  }

  addFile(file: FileRecord): FileRecord {
    this.files.set(file.uuid, file);
    this.emit({ type: 'file.uploaded', file });
    return file;
  }

  /**
   * Replaces fields of a file. Emits `file.stored` when it becomes stored, `file.deleted` when it becomes removed,
   * `file.updated` otherwise.
   */
  updateFile(uuid: string, changes: Partial<Omit<FileRecord, 'uuid' | 'projectKey'>>): FileRecord {
    const before = this.files.get(uuid);
    if (!before) throw new Error(`No file ${uuid}`);
    const file: FileRecord = { ...before, ...changes };
    this.files.set(uuid, file);
    const type =
      !before.datetimeRemoved && file.datetimeRemoved
        ? 'file.deleted'
        : !before.datetimeStored && file.datetimeStored
          ? 'file.stored'
          : 'file.updated';
    this.emit({ type, file, previous: before });
    return file;
  }

  /** The file with `uuid` in the project, whatever its state (removed files included). */
  file(projectKey: string, uuid: string): FileRecord | undefined {
    const file = this.files.get(uuid);
    return file && file.projectKey === projectKey ? file : undefined;
  }

  /** Any project's file: the CDN serves files by UUID alone. */
  fileByUuid(uuid: string): FileRecord | undefined {
    return this.files.get(uuid);
  }

  /** The project's files in upload order (oldest first). */
  filesOf(projectKey: string): FileRecord[] {
    return [...this.files.values()].filter((file) => file.projectKey === projectKey);
  }

  addGroup(group: GroupRecord): GroupRecord {
    this.groups.set(group.id, group);
    this.emit({ type: 'group.created', group });
    return group;
  }

  updateGroup(id: string, changes: Partial<Omit<GroupRecord, 'id' | 'projectKey'>>): GroupRecord {
    const before = this.groups.get(id);
    if (!before) throw new Error(`No group ${id}`);
    const group: GroupRecord = { ...before, ...changes };
    this.groups.set(id, group);
    this.emit({ type: 'group.updated', group });
    return group;
  }

  group(projectKey: string, id: string): GroupRecord | undefined {
    const group = this.groups.get(id);
    return group && group.projectKey === projectKey ? group : undefined;
  }

  groupById(id: string): GroupRecord | undefined {
    return this.groups.get(id);
  }

  deleteGroup(id: string): void {
    const group = this.groups.get(id);
    if (!group) return;
    this.groups.delete(id);
    this.emit({ type: 'group.deleted', group });
  }

  /** The project's groups in creation order (oldest first). */
  groupsOf(projectKey: string): GroupRecord[] {
    return [...this.groups.values()].filter((group) => group.projectKey === projectKey);
  }

  /** Adds a webhook; `id` is the next free integer. */
  addWebhook(fields: Omit<WebhookRecord, 'id'>): WebhookRecord {
    const id = Math.max(0, ...this.webhooks.keys()) + 1;
    const webhook: WebhookRecord = { ...fields, id };
    this.webhooks.set(id, webhook);
    this.emit({ type: 'webhook.created', webhook });
    return webhook;
  }

  updateWebhook(id: number, changes: Partial<Omit<WebhookRecord, 'id' | 'projectKey'>>): WebhookRecord {
    const before = this.webhooks.get(id);
    if (!before) throw new Error(`No webhook ${id}`);
    const webhook: WebhookRecord = { ...before, ...changes };
    this.webhooks.set(id, webhook);
    this.emit({ type: 'webhook.updated', webhook });
    return webhook;
  }

  deleteWebhook(id: number): void {
    const webhook = this.webhooks.get(id);
    if (!webhook) return;
    this.webhooks.delete(id);
    this.emit({ type: 'webhook.deleted', webhook });
  }

  webhook(projectKey: string, id: number): WebhookRecord | undefined {
    const webhook = this.webhooks.get(id);
    return webhook && webhook.projectKey === projectKey ? webhook : undefined;
  }

  /** The project's webhooks in creation order. */
  webhooksOf(projectKey: string): WebhookRecord[] {
    return [...this.webhooks.values()].filter((webhook) => webhook.projectKey === projectKey);
  }

  /**
   * Records an object written to a custom storage by `files/remote_copy/`.
   * @returns false when an object with that URL already existed (nothing is overwritten).
   */
  putRemoteObject(url: string): boolean {
    if (this.remoteObjects.has(url)) return false;
    this.remoteObjects.add(url);
    return true;
  }

  /** Puts back records kept on disk (ids included) without emitting events: restoring is not a change. */
  restore(records: {
    readonly files: readonly FileRecord[];
    readonly groups: readonly GroupRecord[];
    readonly webhooks: readonly WebhookRecord[];
  }): void {
    for (const file of records.files) this.files.set(file.uuid, file);
    for (const group of records.groups) this.groups.set(group.id, group);
    for (const webhook of records.webhooks) this.webhooks.set(webhook.id, webhook);
  }

  /** Puts a record back as it was before a change that could not be written to disk (absent: removes it). */
  revert(collection: Collection, key: string | number, record: StoredRecord | undefined): void {
    const records = this.collection(collection);
    if (record) records.set(key, record);
    else records.delete(key);
    this.emit({ type: 'state.reverted', collection, key, record });
  }

  private collection(collection: Collection): Map<string | number, StoredRecord> {
    const records = collection === 'files' ? this.files : collection === 'groups' ? this.groups : this.webhooks;
    return records as Map<string | number, StoredRecord>;
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
    if (!this.finalOf && event.type !== 'state.reverted') this.commit(event);
  }
}
