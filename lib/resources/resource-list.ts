import { defer, forkJoin, map, mergeMap, Observable, throwError } from 'rxjs';
import { restCall } from './rest-call.js';
import { clientOrDefault } from '../conf.js';
import { InvalidParamError } from '../errors.js';
import { ListRun, pagesOf, type ListPage, type ListSpec } from './list-run.js';
import { pullPages } from './pull-pages.js';

export type { ListPage, ListSpec } from './list-run.js';

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

