import type { Observable, Subscription } from 'rxjs';

interface Pending<P> {
  readonly answer: Promise<P>;
  cancel(): void;
}

/**
 * Pages for `for await`, pulled: the next page is requested when the consumer takes the current one, so at most one
 * page is fetched ahead of a slow consumer. Leaving the loop early (break, throw) aborts the page in flight.
 */
export async function* pullPages<P>(
  first: string,
  fetchPage: (url: string) => Observable<P>,
  nextOf: (page: P) => string | null | undefined,
): AsyncGenerator<P, void, undefined> {
  let pending: Pending<P> | null = request(fetchPage(first));
  try {
    while (pending) {
      const page: P = await pending.answer;
      const next = nextOf(page);
      pending = next ? request(fetchPage(next)) : null;
      yield page;
    }
  } finally {
    pending?.cancel();
  }
}

function request<P>(page$: Observable<P>): Pending<P> {
  let subscription: Subscription | undefined;
  let settled = false;
  const answer = new Promise<P>((resolve, reject) => {
    subscription = page$.subscribe({
      next: (page) => {
        settled = true;
        resolve(page);
      },
      error: (error: unknown) => {
        settled = true;
        reject(error);
      },
      complete: () => {
        if (!settled) reject(new Error('The page request completed without an answer'));
      },
    });
  });
  // A prefetched page may fail while nobody awaits it (the consumer left the loop): that is not an unhandled error.
  answer.catch(() => undefined);
  return { answer, cancel: () => subscription?.unsubscribe() };
}
