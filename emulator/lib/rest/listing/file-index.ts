import type { FileRecord } from '../../state/records.js';
import type { Store } from '../../state/store.js';
import { SortedEntries, type TimeKey } from './sorted-entries.js';

/** The disjoint states a file is listed under, plus `existing` (stored or not, but not removed). */
export type FileCategory = 'stored' | 'unstored' | 'removed';
/** What `GET /files/` can list: one category, or every file not removed. */
export type FileListing = FileCategory | 'existing';

function categoryOf(file: FileRecord): FileCategory {
  if (file.datetimeRemoved) return 'removed';
  return file.datetimeStored ? 'stored' : 'unstored';
}

interface ProjectIndex {
  readonly lists: Record<FileListing, SortedEntries>;
  readonly categories: Map<string, FileCategory>;
}

/**
 * Each project's files sorted by upload time, per listing, kept current from the store's change events, so a page
 * of `GET /files/` costs a binary search and the page itself even with 100k files. A project's index is built from
 * the store on its first listing; until then its events are ignored (the build sees their result).
 */
export class FileIndex {
  private readonly projects = new Map<string, ProjectIndex>();

  constructor(private readonly store: Store) {
    store.onChange((event) => {
      if (event.type.startsWith('file.') && 'file' in event) this.apply(event.file);
      // A file change undone (a failed disk write) is rare: rebuild the indexes from the store when next listed.
      if (event.type === 'state.reverted' && event.collection === 'files') this.projects.clear();
    });
  }

  /** The sorted entries of one listing of the project; keys are file UUIDs. */
  list(projectKey: string, listing: FileListing): SortedEntries {
    return this.project(projectKey).lists[listing];
  }

  private project(projectKey: string): ProjectIndex {
    let index = this.projects.get(projectKey);
    if (!index) {
      index = {
        lists: { stored: new SortedEntries(), unstored: new SortedEntries(), removed: new SortedEntries(), existing: new SortedEntries() },
        categories: new Map(),
      };
      this.projects.set(projectKey, index);
      const files = this.store.filesOf(projectKey).sort((a, b) => a.datetimeUploaded.getTime() - b.datetimeUploaded.getTime());
      for (const file of files) this.place(index, file);
    }
    return index;
  }

  private apply(file: FileRecord): void {
    const index = this.projects.get(file.projectKey);
    if (index) this.place(index, file);
  }

  private place(index: ProjectIndex, file: FileRecord): void {
    const entry: TimeKey = { time: file.datetimeUploaded.getTime(), key: file.uuid };
    const before = index.categories.get(file.uuid);
    const after = categoryOf(file);
    if (before === after) return;
    if (before) {
      index.lists[before].remove(entry);
      if (before !== 'removed') index.lists.existing.remove(entry);
    }
    index.lists[after].insert(entry);
    if (after !== 'removed') index.lists.existing.insert(entry);
    index.categories.set(file.uuid, after);
  }
}
