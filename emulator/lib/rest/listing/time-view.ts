import type { SortedEntries, TimeKey } from './sorted-entries.js';

/** A random-access sequence ordered by time, in the direction a listing asked for. */
export interface TimeView<T> {
  readonly length: number;
  at(index: number): T;
  timeOf(item: T): number;
}

/** Views sorted entries ascending or descending without copying them. */
export function entriesView(entries: SortedEntries, direction: 'asc' | 'desc'): TimeView<TimeKey> {
  const last = entries.length - 1;
  return {
    length: entries.length,
    at: (index) => entries.at(direction === 'asc' ? index : last - index) as TimeKey,
    timeOf: (entry) => entry.time,
  };
}

/** Views an array already sorted ascending by `timeOf`, in either direction. */
export function arrayView<T>(items: readonly T[], timeOf: (item: T) => number, direction: 'asc' | 'desc'): TimeView<T> {
  const last = items.length - 1;
  return {
    length: items.length,
    at: (index) => items[direction === 'asc' ? index : last - index] as T,
    timeOf,
  };
}

/**
 * Index of the first item at or past `time` in the view's direction (time >= t ascending, <= t descending).
 * Views are monotonic in time, so this is a binary search.
 */
export function firstAtOrPast<T>(view: TimeView<T>, time: number, direction: 'asc' | 'desc'): number {
  let low = 0;
  let high = view.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const itemTime = view.timeOf(view.at(mid));
    const before = direction === 'asc' ? itemTime < time : itemTime > time;
    if (before) low = mid + 1;
    else high = mid;
  }
  return low;
}
