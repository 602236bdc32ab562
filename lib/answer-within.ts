import { map, race, type Observable } from 'rxjs';
import { waitFor } from './long-timer.js';

/**
 * `source` (a callback of the caller's, such as a signature resolver, that might never answer), or the error `expired`
 * gives once `timeoutMs` passed without a value; 0 waits forever. The wait is {@link waitFor}'s (any length).
 */
export function answerWithin<T>(source: Observable<T>, timeoutMs: number, expired: () => Error): Observable<T> {
  if (!(timeoutMs > 0)) return source;
  return race(
    source,
    waitFor(timeoutMs).pipe(
      map((): never => {
        throw expired();
      }),
    ),
  );
}
