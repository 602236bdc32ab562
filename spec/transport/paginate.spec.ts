import { firstValueFrom, lastValueFrom, Observable, Subject, take, toArray } from 'rxjs';
import { paginate } from '../../lib/transport/paginate.js';

interface FakePage {
  readonly n: number;
  readonly next: string | null;
}

/** Pages 0..last served by hand: each request waits until the spec answers it. */
class FakeServer {
  readonly requested: string[] = [];
  readonly aborted: string[] = [];
  private readonly pending = new Map<string, Subject<FakePage>>();

  constructor(private readonly last: number) {}

  readonly fetch = (url: string): Observable<FakePage> =>
    new Observable<FakePage>((subscriber) => {
      this.requested.push(url);
      const answer = new Subject<FakePage>();
      this.pending.set(url, answer);
      const subscription = answer.subscribe(subscriber);
      return () => {
        if (this.pending.delete(url)) this.aborted.push(url);
        subscription.unsubscribe();
      };
    });

  answer(url: string): void {
    const answer = this.pending.get(url);
    if (!answer) throw new Error(`${url} is not in flight`);
    this.pending.delete(url);
    const n = Number(url.slice(1));
    answer.next({ n, next: n < this.last ? `p${n + 1}` : null });
    answer.complete();
  }
}

describe('paginate (transport/paginate.ts)', () => {
  it('fetches nothing before subscribe, then one page at a time, following next links', async () => {
    const server = new FakeServer(2);
    const pages$ = paginate('p0', server.fetch, (page) => page.next);
    expect(server.requested).toEqual([]);
    const all = lastValueFrom(pages$.pipe(toArray()));
    expect(server.requested).toEqual(['p0']);
    server.answer('p0');
    expect(server.requested).toEqual(['p0', 'p1']);
    server.answer('p1');
    server.answer('p2');
    expect((await all).map((page) => page.n)).toEqual([0, 1, 2]);
    expect(server.requested).toEqual(['p0', 'p1', 'p2']);
  });

  it('stops fetching when take(n) has enough', async () => {
    const server = new FakeServer(10);
    const first = firstValueFrom(paginate('p0', server.fetch, (page) => page.next).pipe(take(2), toArray()));
    server.answer('p0');
    server.answer('p1');
    expect((await first).map((page) => page.n)).toEqual([0, 1]);
    expect(server.requested).toEqual(['p0', 'p1']);
  });

  it('aborts the page in flight on unsubscribe', () => {
    const server = new FakeServer(10);
    const subscription = paginate('p0', server.fetch, (page) => page.next).subscribe();
    server.answer('p0');
    expect(server.requested).toEqual(['p0', 'p1']);
    subscription.unsubscribe();
    expect(server.aborted).toEqual(['p1']);
    expect(server.requested).toEqual(['p0', 'p1']);
  });

  it('stops where nextOf says so', async () => {
    const server = new FakeServer(10);
    const all = lastValueFrom(paginate('p0', server.fetch, (page) => (page.n < 1 ? page.next : null)).pipe(toArray()));
    server.answer('p0');
    server.answer('p1');
    expect((await all).length).toBe(2);
    expect(server.requested).toEqual(['p0', 'p1']);
  });

  it('is cold: each subscription lists anew', () => {
    const server = new FakeServer(0);
    const pages$ = paginate('p0', server.fetch, (page) => page.next);
    pages$.subscribe();
    server.answer('p0');
    pages$.subscribe();
    expect(server.requested).toEqual(['p0', 'p0']);
  });
});
