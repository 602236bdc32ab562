import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import type { FaultSettings, LoggedRequest, RunningEmulator } from 'rxuploadcare-emulator';
import { ThrottledRequestError } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileList } from '../../lib/resources/file-list.js';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { chaosClient, chaosEmulator, runPool, seededRandom } from './support/emulator.js';
import { recordFigures } from './support/figures.js';
import { chaosScale } from './support/scale.js';

// Throttling storm: about 30% of the requests of every kind answered 429 with a Retry-After of 0, 1 or 2 seconds drawn
// for each 429 (the emulator's log records what each one asked for). Each operation of the mix has a request key
// (method + URL) of its own, or runs in a sequential lane (uploads), so consecutive log entries of one key are one
// operation's attempts: the gap between a 429's end and the next attempt's start is the wait the client kept.

const FAULT_SEED = 9009;
const THROTTLE_RATE = 0.3;
/** Retry-After of each 429: whole seconds drawn from this range, per throttled answer. */
const RETRY_AFTER_RANGE: readonly [number, number] = [0, 2];
/** Date.now() and Node timers both have a 1 ms granularity: a timer may fire within that millisecond. */
const CLOCK_GRANULARITY_MS = 1;

type Kind = 'info' | 'list' | 'store' | 'upload';

function throttleRules(): FaultSettings {
  return {
    seed: FAULT_SEED,
    rules: [
      { kind: 'throttle', pathPrefix: '/files/', methods: ['GET', 'PUT'], rate: THROTTLE_RATE, retryAfterSeconds: RETRY_AFTER_RANGE },
      { kind: 'throttle', pathPrefix: '/base/', methods: ['POST'], rate: THROTTLE_RATE, retryAfterSeconds: RETRY_AFTER_RANGE },
    ],
  };
}

function kindOf(entry: LoggedRequest): Kind {
  if (entry.path === '/base/') return 'upload';
  if (entry.method === 'PUT') return 'store';
  return entry.path === '/files/' ? 'list' : 'info';
}

/** Groups log entries by request key, each group in arrival order. */
function byKey(entries: readonly LoggedRequest[]): Map<string, LoggedRequest[]> {
  const groups = new Map<string, LoggedRequest[]>();
  for (const entry of entries) {
    const key = `${entry.method} ${entry.url}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return groups;
}

describe('chaos: throttling storm', () => {
  const scale = chaosScale();
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await chaosEmulator({ seedFiles: scale.stormOperations });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it(`${scale.stormOperations} mixed operations under 30% 429s all complete, none retried sooner than asked`, async () => {
    const client = chaosClient(emulator, { retry: { throttled: { maxRetries: 12 } } });
    const files = emulator.store.filesOf('demopublickey');
    const live = files.filter((file) => file.datetimeRemoved === null);
    const random = seededRandom(FAULT_SEED);
    const restOperations = scale.stormOperations - scale.stormUploads;
    const kinds: Kind[] = Array.from({ length: restOperations }, () => {
      const draw = random();
      return draw < 0.45 ? 'info' : draw < 0.65 ? 'list' : 'store';
    });
    const sinceBase = Date.now() - 80 * 24 * 3600_000;
    let infoIndex = 0;
    let storeIndex = 0;
    const operation = (kind: Kind, index: number): Promise<unknown> => {
      switch (kind) {
        case 'info':
          return firstValueFrom(new File((files[infoIndex++ % files.length] as { uuid: string }).uuid, client).info());
        case 'store':
          return firstValueFrom(new File((live[storeIndex++ % live.length] as { uuid: string }).uuid, client).store());
        case 'list':
          // A `since` of its own gives each list a request URL of its own.
          return lastValueFrom(new FileList({ since: new Date(sinceBase + index * 1000), limit: 5, requestLimit: 5 }, client).pipe(toArray()));
        case 'upload':
          return lastValueFrom(uploadFile(new Uint8Array(1024 + Math.floor(random() * 64 * 1024)).fill(index % 251), { filename: `storm-${index}.bin` }, client).pipe(toFile()));
      }
    };
    emulator.requests.reset();
    emulator.faults.set(throttleRules());
    const started = Date.now();
    const [restOutcomes, uploadOutcomes] = await Promise.all([
      runPool(kinds, 24, (kind, index) => operation(kind, index).then(() => 'ok', (error: unknown) => error)),
      runPool(Array.from({ length: scale.stormUploads }), 1, (_, index) => operation('upload', index).then(() => 'ok', (error: unknown) => error)),
    ]);
    const elapsedMs = Date.now() - started;
    emulator.faults.clear();

    const failures = [...restOutcomes, ...uploadOutcomes].filter((outcome) => outcome !== 'ok');
    expect(failures).toEqual([]);

    const log = emulator.requests.list();
    const throttled = log.filter((entry) => entry.status === 429);
    let earliestMarginMs = Infinity;
    let tooSoon = 0;
    let unansweredThrottles = 0;
    let longestChain = 0;
    for (const attempts of byKey(log).values()) {
      let chain = 0;
      attempts.forEach((entry, i) => {
        if (entry.status !== 429) {
          chain = 0;
          return;
        }
        chain++;
        longestChain = Math.max(longestChain, chain);
        const next = attempts[i + 1];
        if (!next) {
          unansweredThrottles++;
          return;
        }
        const margin = next.startedAt - (entry.endedAt as number) - (entry.retryAfterSeconds as number) * 1000;
        earliestMarginMs = Math.min(earliestMarginMs, margin);
        if (margin < -CLOCK_GRANULARITY_MS) tooSoon++;
      });
    }
    expect(throttled.length).toBeGreaterThan(scale.stormOperations * 0.2);
    // Every 429 asked for its own wait in the range, and the storm saw each whole second of it.
    const asked = throttled.map((entry) => entry.retryAfterSeconds);
    expect(asked.every((wait) => wait !== null && wait >= RETRY_AFTER_RANGE[0] && wait <= RETRY_AFTER_RANGE[1])).toBe(true);
    expect([...new Set(asked)].sort()).toEqual([0, 1, 2]);
    expect(tooSoon).toBe(0);
    expect(unansweredThrottles).toBe(0);
    expect(log.filter((entry) => entry.status !== 429 && entry.status !== 200).map((entry) => `${entry.method} ${entry.url} ${entry.status}`)).toEqual([]);

    const perKind = (kind: Kind): number => throttled.filter((entry) => kindOf(entry) === kind).length;
    await recordFigures('throttle-storm', {
      title: 'Throttling storm',
      figures: {
        operations: scale.stormOperations,
        'of which uploads': scale.stormUploads,
        completed: scale.stormOperations - failures.length,
        requests: log.length,
        '429 answers (= retries)': throttled.length,
        '429 by kind (info/list/store/upload)': `${perKind('info')}/${perKind('list')}/${perKind('store')}/${perKind('upload')}`,
        'Retry-After asked 0 / 1 / 2 s': [0, 1, 2].map((wait) => asked.filter((seconds) => seconds === wait).length).join(' / '),
        'longest run of 429s for one operation': longestChain,
        'retries sooner than asked': tooSoon,
        'smallest margin over Retry-After (ms)': Number.isFinite(earliestMarginMs) ? earliestMarginMs : 'n/a',
        'wall time (s)': (elapsedMs / 1000).toFixed(1),
      },
    });
  }, 120_000);

  it('with a retry budget of 0, each throttled call fails with ThrottledRequestError carrying the wait', async () => {
    const client = chaosClient(emulator, { retry: { throttled: { maxRetries: 0 } } });
    const calls = Math.max(40, Math.floor(scale.stormOperations / 10));
    const live = emulator.store.filesOf('demopublickey').filter((file) => file.datetimeRemoved === null);
    emulator.requests.reset();
    emulator.faults.set(throttleRules());
    const outcomes = await runPool(Array.from({ length: calls }), 8, async (_, index) => {
      const file = new File((live[index % live.length] as { uuid: string }).uuid, client);
      const call = index % 2 === 0 ? file.info() : file.store();
      try {
        await firstValueFrom(call);
        return { ok: true as const };
      } catch (error) {
        return { ok: false as const, error, key: `${index % 2 === 0 ? 'GET' : 'PUT'} /files/${file.uuid}/${index % 2 === 0 ? '' : 'storage/'}` };
      }
    });
    emulator.faults.clear();

    const failed = outcomes.filter((outcome) => !outcome.ok);
    const log = emulator.requests.list();
    const throttled = log.filter((entry) => entry.status === 429);
    // Each call is one request of its own URL: the log tells the wait its 429 asked for.
    const askedByKey = new Map(throttled.map((entry) => [`${entry.method} ${entry.url}`, entry.retryAfterSeconds]));
    const asked = (outcome: { key: string }): number | null | undefined => askedByKey.get(outcome.key);
    expect(log.length).toBe(calls);
    expect(askedByKey.size).toBe(throttled.length);
    expect(failed.length).toBe(throttled.length);
    expect(failed.length).toBeGreaterThan(0);
    for (const outcome of failed) {
      expect(outcome.error).toBeInstanceOf(ThrottledRequestError);
      expect(asked(outcome)).toEqual(jasmine.any(Number));
      expect((outcome.error as ThrottledRequestError).wait).toBe(asked(outcome) as number);
      expect((outcome.error as ThrottledRequestError).status).toBe(429);
    }
    await recordFigures('throttle-budget-0', {
      title: 'Throttled calls with a retry budget of 0',
      figures: {
        calls,
        requests: log.length,
        '429 answers': throttled.length,
        'ThrottledRequestError with the asked wait': failed.filter((o) => o.error instanceof ThrottledRequestError && o.error.wait === asked(o)).length,
        succeeded: outcomes.length - failed.length,
      },
    });
  }, 60_000);
});
