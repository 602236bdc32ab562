import { concat, defer, EMPTY, filter, map, type Observable } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { restCall } from './rest-call.js';
import { clientOrDefault } from '../conf.js';
import { APIError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { paginate } from '../transport/paginate.js';
import { resolveOnOrigin } from '../transport/same-origin.js';
import { fromAnswer } from './from-answer.js';

/** One page of a REST v0.7 list. */
export interface ListPage<R> {
  readonly next?: string | null;
  readonly previous?: string | null;
  readonly total?: number;
  readonly per_page?: number;
  readonly results: readonly R[];
}

/** What a list is made of: its requests and how an item is built. Checked before the list exists. */
export interface ListSpec<T, R> {
  readonly client: UploadcareClient | undefined;
  /** Path and query of the first page of each listing, emitted one after the other. */
  readonly firstPages: readonly string[];
  /** Path and query of the `limit=1` request of each listing for `count()`, or a reason it cannot count. */
  readonly countPages: { readonly paths: readonly string[] } | { readonly unsupported: string };
  /** The most items emitted in total (undefined: all). */
  readonly limit: number | undefined;
  readonly construct: (raw: R, client: UploadcareClient | undefined) => T;
}

export interface FetchedPage<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/** The items of a list page by page (the last cut at `limit`; empty pages skipped), one listing after the other. */
export function pagesOf<T, R>(spec: ListSpec<T, R>): Observable<readonly T[]> {
  return defer(() => {
    const run = new ListRun(spec);
    const listings = spec.firstPages.map((first) =>
      defer(() => (run.exhausted ? EMPTY : paginate(first, run.fetch, (fetched) => fetched.next))),
    );
    return concat(...listings);
  }).pipe(
    map((page) => page.items),
    filter((items) => items.length > 0),
  );
}

/** One listing in progress: counts the items fetched, to cut the last page at `limit` and stop there. */
export class ListRun<T, R> {
  private remaining: number;

  constructor(private readonly spec: ListSpec<T, R>) {
    this.remaining = spec.limit ?? Number.POSITIVE_INFINITY;
  }

  get exhausted(): boolean {
    return this.remaining <= 0;
  }

  readonly fetch = (url: string): Observable<FetchedPage<T>> => {
    const { client, construct } = this.spec;
    return defer(() => {
      const uploadcare = clientOrDefault(client);
      return restCall<ListPage<R>>(uploadcare, 'GET', url).pipe(
        map((page) => {
          if (!Array.isArray(page?.results)) throw new APIError(`The list answer of ${url} has no results`, { body: page });
          const results = page.results.slice(0, this.remaining);
          this.remaining -= results.length;
          const next = this.remaining > 0 && page.next ? nextLink(page, url, uploadcare.options.restBase) : null;
          const items = results.map((raw) => fromAnswer(`The list answer of ${url} has an entry that is not valid`, raw, () => construct(raw, client)));
          return { items, next };
        }),
      );
    });
  };
}

/** The page's `next` link, followed only on the REST origin (the request carries the credentials); else APIError. */
function nextLink(page: ListPage<unknown>, url: string, restBase: string): string {
  const next = typeof page.next === 'string' ? resolveOnOrigin(page.next, restBase) : null;
  if (!next) {
    throw new APIError(`The list answer of ${url} links its next page outside the REST API origin: ${describeValue(page.next)}`, { body: page });
  }
  return next.href;
}
