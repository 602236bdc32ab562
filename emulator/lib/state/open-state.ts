import { MemoryBlobStore } from './blob-store.js';
import { DiskBlobStore } from './disk-blob-store.js';
import { StatePersistence } from './persistence.js';
import type { ProjectConfig } from './records.js';
import { Store } from './store.js';

/** The emulator's state, and its persistence when it lives on disk. */
export interface OpenedState {
  readonly store: Store;
  readonly persistence: StatePersistence | null;
}

/**
 * A memory store holding at most `memoryBytes` of file bytes, or with `dataDir` a store restored from disk: the persisted records come back, blobs that no
 * record references (left by an upload interrupted between its bytes and its record) are deleted, and every later
 * change is written back.
 */
export async function openState(projects: readonly ProjectConfig[], dataDir: string | undefined, memoryBytes = Infinity): Promise<OpenedState> {
  if (dataDir === undefined) return { store: new Store(projects, new MemoryBlobStore(memoryBytes)), persistence: null };
  const blobs = await DiskBlobStore.open(dataDir);
  const persistence = await StatePersistence.open(dataDir);
  const snapshot = persistence.snapshot();
  const store = new Store(projects, blobs);
  store.restore(snapshot);
  const referenced = new Set(snapshot.files.map((file) => file.blobId));
  for (const id of blobs.ids()) {
    if (!referenced.has(id)) await blobs.delete(id);
  }
  persistence.attach(store);
  return { store, persistence };
}
