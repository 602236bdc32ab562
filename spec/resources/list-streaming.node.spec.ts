import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { firstValueFrom } from 'rxjs';
import { eachValueFrom } from 'rxjs-for-await';
import { Uploadcare } from '../../lib/client.js';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import type { File } from '../../lib/resources/file.js';
import { FileList } from '../../lib/resources/file-list.js';
import { emulatorOptions } from './support/clients.js';

const PAGE = 50;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until `condition` holds, up to `ms`; returns whether it did. */
async function eventually(condition: () => boolean, ms = 5000): Promise<boolean> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) return false;
    await pause(5);
  }
  return true;
}

describe('FileList streaming (own emulator, its request log)', () => {
  let emulator: RunningEmulator;
  let client: Uploadcare;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedFiles: 1000 });
    client = new Uploadcare(emulatorOptions(emulator.url));
  });

  afterAll(async () => {
    await emulator.close();
  });

  // Requests a previous spec aborted may still reach the server: start each spec on a quiet emulator.
  beforeEach(async () => {
    let last = -1;
    while (last !== lastId() || emulator.requests.inFlight() > 0) {
      last = lastId();
      await pause(100);
    }
  });

  const listRequests = (sinceId: number): number =>
    emulator.requests.list(sinceId).filter((entry) => entry.path === '/files/').length;
  const lastId = (): number => emulator.requests.list().at(-1)?.id ?? 0;

  it('for await pulls: a slow consumer never has more than one page fetched ahead', async () => {
    const total = await firstValueFrom(new FileList({}, client).count());
    expect(total).toBeGreaterThan(10 * PAGE);
    const mark = lastId();
    let consumed = 0;
    let worst = 0;
    for await (const file of new FileList({ requestLimit: PAGE }, client)) {
      expect(file.uuid).toBeDefined();
      consumed += 1;
      // Give an eager implementation every chance to run ahead: slow at each page start, yielding at each item.
      await (consumed % PAGE === 1 ? pause(30) : pause(0));
      const ahead = listRequests(mark) - Math.ceil(consumed / PAGE);
      worst = Math.max(worst, ahead);
      expect(ahead).toBeLessThanOrEqual(1);
    }
    expect(consumed).toBe(total);
    expect(listRequests(mark)).toBe(Math.ceil(total / PAGE));
    // One page ahead is what it does: the next page is asked for as soon as the previous one is taken.
    expect(worst).toBe(1);
  });

  it('(contrast) eachValueFrom of rxjs-for-await buffers: the same slow loop lets it fetch far ahead', async () => {
    const mark = lastId();
    const iterator = eachValueFrom(new FileList({ requestLimit: PAGE }, client))[Symbol.asyncIterator]();
    await iterator.next();
    expect(await eventually(() => listRequests(mark) >= 5)).toBeTrue();
    await iterator.return?.();
  });

  it('for await keeps at most one page ahead even while the consumer sleeps', async () => {
    const mark = lastId();
    const iterator = new FileList({ requestLimit: PAGE }, client)[Symbol.asyncIterator]();
    await iterator.next();
    await pause(300);
    expect(listRequests(mark)).toBeLessThanOrEqual(2);
    await iterator.return?.();
  });

  it('unsubscribing aborts the page in flight', async () => {
    const rule = emulator.faults.add({ kind: 'latency', latencyMs: 10_000, pathPrefix: '/files/', skip: 1 });
    try {
      const mark = lastId();
      let received = 0;
      const subscription = new FileList({ requestLimit: PAGE }, client).subscribe(() => (received += 1));
      expect(
        await eventually(() => received === PAGE && emulator.requests.list(mark).some((entry) => entry.path === '/files/' && entry.endedAt === null)),
      ).toBeTrue();
      subscription.unsubscribe();
      expect(received).toBe(PAGE);
      expect(await eventually(() => emulator.requests.list(mark).filter((entry) => entry.abortedByClient).length === 1)).toBeTrue();
    } finally {
      emulator.faults.remove(rule.id);
    }
  });

  it('leaving a for await loop aborts the page fetched ahead', async () => {
    const rule = emulator.faults.add({ kind: 'latency', latencyMs: 10_000, pathPrefix: '/files/', skip: 1 });
    try {
      const mark = lastId();
      for await (const file of new FileList({ requestLimit: PAGE }, client)) {
        expect(file).toBeDefined();
        expect(await eventually(() => emulator.requests.list(mark).some((entry) => entry.endedAt === null))).toBeTrue();
        break;
      }
      expect(await eventually(() => emulator.requests.list(mark).filter((entry) => entry.abortedByClient).length === 1)).toBeTrue();
    } finally {
      emulator.faults.remove(rule.id);
    }
  });
});

describe('FileList memory over 100k files', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedFiles: 100_000, requestLogLimit: 1000 });
  }, 120_000);

  afterAll(async () => {
    await emulator.close();
  });

  it('for await over 100 000 files keeps the heap flat', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const client = new Uploadcare(emulatorOptions(emulator.url));
    const heap = (): number => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const total = await firstValueFrom(new FileList({}, client).count());
    expect(total).toBeGreaterThan(80_000);
    let count = 0;
    let last: File | undefined;
    let baseline = 0;
    const samples: number[] = [];
    for await (const file of new FileList({ requestLimit: 1000 }, client)) {
      count += 1;
      last = file;
      if (count === 10_000) baseline = heap();
      if (count % 25_000 === 0) samples.push(heap());
    }
    expect(count).toBe(total);
    expect(last?.uuid).toBeDefined();
    // 100k Files with their info would take well over 100 MB; what stays must be independent of the count.
    for (const sample of samples) expect(sample - baseline).toBeLessThan(16 * 1024 * 1024);
  }, 300_000);
});
