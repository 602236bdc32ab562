import { concat, defer, EMPTY, filter, forkJoin, map, mergeMap, Observable, throwError } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { restCall } from './rest-call.js';
import { clientOrDefault } from '../conf.js';
import { APIError, InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { paginate } from '../transport/paginate.js';
import { resolveOnOrigin } from '../transport/same-origin.js';
import { fromAnswer } from './from-answer.js';
import { pullPages } from './pull-pages.js';

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

interface FetchedPage<T> {
  readonly items: readonly T[];
  readonly next: string | null;
}

/**
 * A REST list as an Observable of its items, following `next` links lazily: each subscription lists anew, `take(n)`
 * stops the fetching, unsubscribing aborts the page in flight. Also `pages()`, `count()`, and `for await` iteration
 * that pulls pages (at most one page ahead of the consumer).
 */
export class ResourceList<T, R> extends Observable<T> implements AsyncIterable<T> {
  readonly #spec: ListSpec<T, R>;

  protected constructor(spec: ListSpec<T, R>) {
    super((subscriber) => pagesOf(spec).pipe(mergeMap((page) => page)).subscribe(subscriber));
    this.#spec = spec;
  }

  /** The items page by page, as the API serves them (the last one cut at `limit`); empty pages are skipped. */
  pages(): Observable<readonly T[]> {
    return pagesOf(this.#spec);
  }

  /**
   * The number of items matching the filters (`total`), from one `limit=1` request. Not available with `since` or
   * `until` (InvalidParamError, as in pyuploadcare); `limit` does not apply.
   */
  count(): Observable<number> {
    const { countPages, client } = this.#spec;
    if ('unsupported' in countPages) return throwError(() => new InvalidParamError(countPages.unsupported));
    return forkJoin(
      countPages.paths.map((path) =>
        defer(() => restCall<ListPage<R>>(clientOrDefault(client), 'GET', path)).pipe(map((page) => page.total ?? 0)),
      ),
    ).pipe(map((totals) => totals.reduce((sum, total) => sum + total, 0)));
  }

  /** `for await (const item of list)`: pulls one page at a time, requesting the next when this one is taken. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    const run = new ListRun(this.#spec);
    for (const first of this.#spec.firstPages) {
      if (run.exhausted) return;
      for await (const page of pullPages(first, run.fetch, (fetched) => fetched.next)) yield* page.items;
    }
  }
}

function pagesOf<T, R>(spec: ListSpec<T, R>): Observable<readonly T[]> {
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
class ListRun<T, R> {
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
