/** An item's place in a time-ordered listing: its time and a unique key that breaks ties. */
export interface TimeKey {
  readonly time: number;
  readonly key: string;
}

function compare(a: TimeKey, b: TimeKey): number {
  return a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Keys kept sorted by (time, key): binary-search inserts and removals, O(1) appends of newer items. */
export class SortedEntries {
  private readonly entries: TimeKey[] = [];

  get length(): number {
    return this.entries.length;
  }

  at(index: number): TimeKey | undefined {
    return this.entries[index];
  }

  insert(entry: TimeKey): void {
    const last = this.entries[this.entries.length - 1];
    if (!last || compare(last, entry) < 0) {
      this.entries.push(entry);
      return;
    }
    const index = this.search(entry);
    if (this.entries[index]?.key === entry.key) return;
    this.entries.splice(index, 0, entry);
  }

  remove(entry: TimeKey): void {
    const index = this.search(entry);
    if (this.entries[index]?.key === entry.key) this.entries.splice(index, 1);
  }

  /** Index of the first entry not before `entry`. */
  private search(entry: TimeKey): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(this.entries[mid] as TimeKey, entry) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
