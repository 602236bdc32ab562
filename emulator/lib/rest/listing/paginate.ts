import { formatLinkDatetime } from '../datetime.js';
import { datetimeParam, limitParam, offsetParam } from '../params.js';
import { firstAtOrPast, type TimeView } from './time-view.js';

/**
 * Where a page starts, as the REST API's links carry it. `from` (the public parameter) starts the page at the first
 * item at or past that time; `to` (used by `previous` links) ends the page just before it. `offset` skips that many
 * items sharing exactly that time, so equal timestamps never repeat or vanish between pages.
 */
export interface PageCursor {
  readonly from?: number;
  readonly to?: number;
  readonly offset: number;
  readonly limit: number;
}

/** Reads `from`, `to`, `offset` and `limit` from a list request. */
export function cursorFromQuery(query: URLSearchParams): PageCursor {
  return {
    from: datetimeParam(query, 'from'),
    to: datetimeParam(query, 'to'),
    offset: offsetParam(query),
    limit: limitParam(query),
  };
}

/** One page of a listing and the cursors of its neighbours. */
export interface Page<T> {
  readonly items: T[];
  /** Query changes of the next / previous page's link; null when there is none. */
  readonly next: Readonly<Record<string, string>> | null;
  readonly previous: Readonly<Record<string, string>> | null;
}

/** Cuts one page out of `view`: O(log n + limit), whatever the view's size. */
export function paginate<T>(view: TimeView<T>, cursor: PageCursor, direction: 'asc' | 'desc'): Page<T> {
  const boundary = cursor.to ?? cursor.from;
  const position =
    boundary === undefined ? 0 : Math.min(view.length, firstAtOrPast(view, boundary, direction) + cursor.offset);
  const start = cursor.to !== undefined ? Math.max(0, position - cursor.limit) : position;
  const end = Math.min(view.length, start + cursor.limit);
  const items: T[] = [];
  for (let i = start; i < end; i++) items.push(view.at(i));
  return {
    items,
    next: end < view.length ? linkCursor(view, end, direction, 'from') : null,
    previous: start > 0 ? linkCursor(view, start, direction, 'to') : null,
  };
}

function linkCursor<T>(view: TimeView<T>, index: number, direction: 'asc' | 'desc', name: 'from' | 'to'): Record<string, string> {
  // The position just past the last item has no item of its own: anchor it on the last one.
  const time = view.timeOf(view.at(Math.min(index, view.length - 1)));
  const offset = index - firstAtOrPast(view, time, direction);
  return { [name]: formatLinkDatetime(new Date(time)), offset: String(offset) };
}

/** An absolute page link on the emulator's origin: the request's query with the cursor replaced. */
export function pageLink(origin: string, path: string, query: URLSearchParams, cursor: Readonly<Record<string, string>> | null): string | null {
  if (!cursor) return null;
  const params = new URLSearchParams(query);
  for (const name of ['from', 'to', 'offset']) params.delete(name);
  for (const [name, value] of Object.entries(cursor)) params.set(name, value);
  return `${origin}${path}?${params.toString()}`;
}
