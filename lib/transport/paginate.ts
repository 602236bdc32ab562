import { defer, EMPTY, expand, Observable, throwError } from 'rxjs';
import { InvalidParamError } from '../errors.js';

/**
 * Follows `next` links lazily: emits the page at `first`, then the page its `next` link names, and so on, one request
 * at a time. Nothing is fetched before subscribe; a page is fetched only after the previous one was emitted and only
 * while someone still listens, so `take(n)` downstream stops the fetching and unsubscribing aborts the page in flight.
 *
 * @param first URL (or path) of the first page.
 * @param fetchPage requests one page; called once per page, inside the subscription.
 * @param nextOf the link to the page after `page`, or null/undefined when it is the last one wanted.
 */
export function paginate<P>(
  first: string,
  fetchPage: (url: string) => Observable<P>,
  nextOf: (page: P) => string | null | undefined,
): Observable<P> {
  if (typeof first !== 'string' || typeof fetchPage !== 'function' || typeof nextOf !== 'function') {
    return throwError(() => new InvalidParamError('paginate needs a first URL, a page fetcher and a next-link reader'));
  }
  return new Observable<P>((subscriber) => {
    // expand subscribes to the next request right after emitting a page, even when that emission made a downstream
    // `take` complete: the request must not start then.
    const fetchWhileListened = (url: string): Observable<P> => defer(() => (subscriber.closed ? EMPTY : fetchPage(url)));
    return fetchWhileListened(first)
      .pipe(
        expand((page) => {
          const next = nextOf(page);
          return next ? fetchWhileListened(next) : EMPTY;
        }, 1),
      )
      .subscribe(subscriber);
  });
}
