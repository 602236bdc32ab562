import { defer, finalize, type Observable, of, share, tap } from 'rxjs';

/**
 * The cached info of a resource. `get` asks the server the first time only; concurrent subscribers share one request;
 * a failed request leaves nothing behind, so the next subscriber asks again. `refresh` always asks.
 * An answer never overwrites one from a request started later (or a value `set` later).
 */
export class InfoCache<T> {
  private value: T | undefined;
  private issued = 0;
  private applied = 0;
  // Made on the first request: a File of a list entry usually never asks.
  private inFlight: Map<string, Observable<T>> | undefined;

  /** The cached value, if any. */
  peek(): T | undefined {
    return this.value;
  }

  /** Replaces the cached value. */
  set(value: T): void {
    this.apply(++this.issued, value);
  }

  /**
   * The cached value when `usable` accepts it, else one request through `fetch`, shared by concurrent subscribers
   * that ask with the same `key` (requests for different variants, e.g. with and without appdata, are not mixed).
   */
  get(fetch: () => Observable<T>, usable: (value: T) => boolean = () => true, key = ''): Observable<T> {
    return defer(() => {
      const cached = this.value;
      if (cached !== undefined && usable(cached)) return of(cached);
      const inFlight = (this.inFlight ??= new Map<string, Observable<T>>());
      let request = inFlight.get(key);
      if (!request) {
        const shared: Observable<T> = this.track(fetch()).pipe(
          finalize(() => {
            if (inFlight.get(key) === shared) inFlight.delete(key);
          }),
          share(),
        );
        inFlight.set(key, shared);
        request = shared;
      }
      return request;
    });
  }

  /** Caches what `source` emits (a request describing the resource), unless a later request already answered. */
  track(source: Observable<T>): Observable<T> {
    return defer(() => {
      const ticket = ++this.issued;
      return source.pipe(tap((value) => this.apply(ticket, value)));
    });
  }

  private apply(ticket: number, value: T): void {
    if (ticket < this.applied) return;
    this.applied = ticket;
    this.value = value;
  }
}
