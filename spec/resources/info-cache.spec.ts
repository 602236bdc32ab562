import { firstValueFrom, Observable, Subject } from 'rxjs';
import { InfoCache } from '../../lib/resources/info-cache.js';

/** Requests answered by hand. */
class Requests {
  readonly started: Subject<number>[] = [];
  aborted = 0;

  readonly fetch = (): Observable<number> =>
    new Observable<number>((subscriber) => {
      const answer = new Subject<number>();
      this.started.push(answer);
      let done = false;
      const subscription = answer.subscribe({
        next: (value) => subscriber.next(value),
        error: (error: unknown) => {
          done = true;
          subscriber.error(error);
        },
        complete: () => {
          done = true;
          subscriber.complete();
        },
      });
      return () => {
        if (!done) this.aborted += 1;
        subscription.unsubscribe();
      };
    });

  answer(index: number, value: number): void {
    this.started[index]!.next(value);
    this.started[index]!.complete();
  }

  fail(index: number): void {
    this.started[index]!.error(new Error('failed'));
  }
}

describe('InfoCache', () => {
  it('shares one request among concurrent subscribers, then serves the cache', async () => {
    const cache = new InfoCache<number>();
    const requests = new Requests();
    const a = firstValueFrom(cache.get(requests.fetch));
    const b = firstValueFrom(cache.get(requests.fetch));
    expect(requests.started.length).toBe(1);
    requests.answer(0, 7);
    expect([await a, await b]).toEqual([7, 7]);
    expect(await firstValueFrom(cache.get(requests.fetch))).toBe(7);
    expect(requests.started.length).toBe(1);
  });

  it('does not cache a failure', async () => {
    const cache = new InfoCache<number>();
    const requests = new Requests();
    const failed = firstValueFrom(cache.get(requests.fetch));
    requests.fail(0);
    await expectAsync(failed).toBeRejectedWithError('failed');
    const retried = firstValueFrom(cache.get(requests.fetch));
    expect(requests.started.length).toBe(2);
    requests.answer(1, 3);
    expect(await retried).toBe(3);
  });

  it('aborts the shared request when every subscriber left, and asks anew next time', () => {
    const cache = new InfoCache<number>();
    const requests = new Requests();
    const one = cache.get(requests.fetch).subscribe();
    const two = cache.get(requests.fetch).subscribe();
    one.unsubscribe();
    expect(requests.aborted).toBe(0);
    two.unsubscribe();
    expect(requests.aborted).toBe(1);
    cache.get(requests.fetch).subscribe();
    expect(requests.started.length).toBe(2);
  });

  it('never lets an answer overwrite the answer of a request started later', async () => {
    const cache = new InfoCache<number>();
    const requests = new Requests();
    const slow = firstValueFrom(cache.get(requests.fetch));
    const fresh = firstValueFrom(cache.track(requests.fetch()));
    requests.answer(1, 2);
    requests.answer(0, 1);
    expect([await slow, await fresh]).toEqual([1, 2]);
    expect(cache.peek()).toBe(2);
    cache.set(5);
    expect(await firstValueFrom(cache.get(requests.fetch))).toBe(5);
  });

  it('keeps requests for different variants apart', () => {
    const cache = new InfoCache<number>();
    const requests = new Requests();
    cache.get(requests.fetch, () => true, 'plain').subscribe();
    cache.get(requests.fetch, () => true, 'appdata').subscribe();
    cache.get(requests.fetch, () => true, 'plain').subscribe();
    expect(requests.started.length).toBe(2);
  });

  it('asks again when the cached value is not usable', async () => {
    const cache = new InfoCache<number>();
    const requests = new Requests();
    cache.set(1);
    const big = firstValueFrom(cache.get(requests.fetch, (value) => value > 10));
    expect(requests.started.length).toBe(1);
    requests.answer(0, 11);
    expect(await big).toBe(11);
  });
});
