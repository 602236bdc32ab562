import { createHash, randomBytes } from 'node:crypto';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import type { FaultSettings, RunningEmulator } from 'rxuploadcare-emulator';
import { APIConnectionError, APIError, UploadcareException } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { FileList } from '../../lib/resources/file-list.js';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { chaosClient, chaosEmulator, runPool, seededRandom } from './support/emulator.js';
import { recordFigures } from './support/figures.js';
import { chaosScale } from './support/scale.js';

// Faults on every request: one part cut mid-body and one part 503 at every run, then 5% dropped connections (multipart parts cut 1 MiB into their body, the rest at once), 5%
// 503s, 2-22 ms of added latency. Requests safe to repeat (GET, PUT, DELETE, parts) are retried by the client and all
// complete; POSTs (multipart start/complete, group/, local_copy/) are never repeated by the client: they succeed or
// fail with a typed error, and the emulator's state holds exactly one group or copy per success.

const FAULT_SEED = 5150;
const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');

function faultRules(): FaultSettings {
  return {
    seed: FAULT_SEED,
    rules: [
      { kind: 'latency', latencyMs: 2, jitterMs: 20 },
      // Whatever the draws, every run cuts one part mid-body and answers another 503.
      { kind: 'drop', pathPrefix: '/multipart/part/', skip: 2, count: 1, afterBytes: 1024 * 1024 },
      { kind: 'error', status: 503, pathPrefix: '/multipart/part/', skip: 4, count: 1 },
      { kind: 'drop', pathPrefix: '/multipart/part/', rate: 0.05, afterBytes: 1024 * 1024 },
      { kind: 'drop', rate: 0.05 },
      { kind: 'error', status: 503, rate: 0.05 },
    ],
  };
}

type RestKind = 'info' | 'store' | 'metadata' | 'list' | 'delete' | 'copy' | 'group';
const POSTS: readonly RestKind[] = ['copy', 'group'];

const isCopy = (source: string | null): boolean => source !== null && /^[0-9a-f]{8}-[0-9a-f-]{27}(\/|$)/.test(source);

describe('chaos: faults during a multipart upload and REST calls', () => {
  const scale = chaosScale();
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await chaosEmulator({ seedFiles: Math.max(200, scale.faultedRestCalls) });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it(`a ${scale.multipartMiB} MiB multipart upload completes md5-identical`, async () => {
    const client = chaosClient(emulator, { retry: { network: { maxRetries: 6, baseMs: 50, maxMs: 500 } } });
    const bytes = randomBytes(scale.multipartMiB * 1024 * 1024);
    emulator.requests.reset();
    emulator.faults.set(faultRules());
    // The upload's POSTs are not retried by the library; the application subscribes again, knowingly.
    let subscriptions = 0;
    let uuid: string | undefined;
    const typedFailures: string[] = [];
    // Per subscription, from the emulator's log: the upload's POSTs as they arrived (the library never repeats them).
    const postsPerSubscription: { start: number; complete: number }[] = [];
    while (!uuid && subscriptions < 8) {
      subscriptions++;
      const lastId = emulator.requests.list().at(-1)?.id ?? 0;
      try {
        const file = await lastValueFrom(uploadFile(bytes, { filename: 'chaos.bin', policy: { partRetries: 6 } }, client).pipe(toFile()));
        uuid = file.uuid;
      } catch (error) {
        expect(error).toBeInstanceOf(UploadcareException);
        typedFailures.push(String((error as UploadcareException).name));
      }
      const posts = emulator.requests.list(lastId).filter((entry) => entry.method === 'POST');
      postsPerSubscription.push({
        start: posts.filter((entry) => entry.path === '/multipart/start/').length,
        complete: posts.filter((entry) => entry.path === '/multipart/complete/').length,
      });
    }
    emulator.faults.clear();
    for (const posts of postsPerSubscription) {
      expect(posts.start).toBe(1);
      expect(posts.complete).toBeLessThanOrEqual(1);
    }
    // The successful subscription completed exactly once.
    expect(postsPerSubscription.at(-1)?.complete).toBe(1);
    expect(uuid).toBeDefined();
    const log = emulator.requests.list();
    const served = await fetch(`${emulator.url}/${uuid}/`);
    const downloaded = new Uint8Array(await served.arrayBuffer());
    expect(downloaded.length).toBe(bytes.length);
    expect(md5(downloaded)).toBe(md5(bytes));

    const parts = log.filter((entry) => entry.path.startsWith('/multipart/part/'));
    await recordFigures('faults-multipart', {
      title: 'Multipart upload under faults',
      figures: {
        'size (MiB)': scale.multipartMiB,
        parts: Math.ceil(bytes.length / (5 * 1024 * 1024)),
        'part PUTs sent': parts.length,
        'part PUTs dropped / 503': `${parts.filter((e) => e.droppedByServer).length} / ${parts.filter((e) => e.status === 503).length}`,
        'subscriptions needed (a failed start/complete POST is not retried)': subscriptions,
        'start / complete POSTs per subscription': postsPerSubscription.map((posts) => `${posts.start}/${posts.complete}`).join(', '),
        'failures before success': typedFailures.join(', ') || 'none',
        'md5 identical': md5(downloaded) === md5(bytes),
      },
    });
  }, 120_000);

  it(`${scale.faultedRestCalls} REST calls: the idempotent ones all complete, POSTs are never repeated`, async () => {
    const client = chaosClient(emulator, { retry: { network: { maxRetries: 6, baseMs: 50, maxMs: 500 } } });
    const live = emulator.store.filesOf('demopublickey').filter((file) => file.datetimeRemoved === null).map((file) => file.uuid);
    const random = seededRandom(FAULT_SEED);
    const kinds: RestKind[] = Array.from({ length: scale.faultedRestCalls }, () => {
      const draw = random();
      return draw < 0.3 ? 'info' : draw < 0.45 ? 'store' : draw < 0.6 ? 'metadata' : draw < 0.7 ? 'list' : draw < 0.8 ? 'delete' : draw < 0.9 ? 'copy' : 'group';
    });
    // Deleted files come from a part of the list no other call picks from, so none meets a removed file.
    const deletable = live.splice(Math.floor(live.length * 0.8));
    let next = 0;
    const pick = (): string => live[next++ % live.length] as string;
    const call = (kind: RestKind): Promise<unknown> => {
      switch (kind) {
        case 'info':
          return firstValueFrom(new File(pick(), client).info());
        case 'store':
          return firstValueFrom(new File(pick(), client).store());
        case 'metadata':
          return firstValueFrom(new File(pick(), client).setMetadata('chaos', `value-${next}`));
        case 'list':
          return lastValueFrom(new FileList({ limit: 20, requestLimit: 10 }, client).pipe(toArray()));
        case 'delete':
          return firstValueFrom(new File(deletable.pop() as string, client).delete());
        case 'copy':
          return firstValueFrom(new File(pick(), client).copy());
        case 'group':
          return firstValueFrom(FileGroup.create([new File(pick(), client), new File(pick(), client)], client));
      }
    };
    const groupsBefore = emulator.store.groupsOf('demopublickey').length;
    const copiesBefore = emulator.store.filesOf('demopublickey').filter((file) => isCopy(file.source)).length;
    emulator.requests.reset();
    emulator.faults.set(faultRules());
    const outcomes = await runPool(kinds, 8, (kind) => call(kind).then(() => null, (error: unknown) => error));
    emulator.faults.clear();

    const log = emulator.requests.list();
    const failedIdempotent = kinds.flatMap((kind, i) => (!POSTS.includes(kind) && outcomes[i] !== null ? [`${kind}: ${String(outcomes[i])}`] : []));
    expect(failedIdempotent).toEqual([]);
    const postFailures = outcomes.filter((outcome, i) => POSTS.includes(kinds[i] as RestKind) && outcome !== null);
    for (const failure of postFailures) {
      // A dropped connection or a 503: typed, and left to the caller.
      expect(failure instanceof APIConnectionError || (failure instanceof APIError && failure.status === 503)).toBe(true);
    }
    const succeeded = (kind: RestKind): number => kinds.filter((k, i) => k === kind && outcomes[i] === null).length;
    const sent = (path: string): number => log.filter((entry) => entry.method === 'POST' && entry.path === path).length;
    const groupsMade = emulator.store.groupsOf('demopublickey').length - groupsBefore;
    const copiesMade = emulator.store.filesOf('demopublickey').filter((file) => isCopy(file.source)).length - copiesBefore;
    // Each POST sent exactly once, and the state holds one record per success: nothing repeated, nothing lost.
    expect(sent('/group/')).toBe(kinds.filter((kind) => kind === 'group').length);
    expect(sent('/files/local_copy/')).toBe(kinds.filter((kind) => kind === 'copy').length);
    expect(groupsMade).toBe(succeeded('group'));
    expect(copiesMade).toBe(succeeded('copy'));

    await recordFigures('faults-rest', {
      title: 'REST and Upload API calls under faults',
      figures: {
        calls: kinds.length,
        requests: log.length,
        'dropped / 503 / delayed': `${log.filter((e) => e.droppedByServer).length} / ${log.filter((e) => e.status === 503).length} / ${log.filter((e) => e.faults.includes('latency')).length}`,
        'idempotent calls completed': `${kinds.filter((k, i) => !POSTS.includes(k) && outcomes[i] === null).length} of ${kinds.filter((k) => !POSTS.includes(k)).length}`,
        'POSTs (group/, local_copy/) sent / calls': `${sent('/group/') + sent('/files/local_copy/')} / ${kinds.filter((k) => POSTS.includes(k)).length}`,
        'POSTs failed (typed, not repeated)': postFailures.length,
        'groups created = group calls that succeeded': `${groupsMade} = ${succeeded('group')}`,
        'copies created = copy calls that succeeded': `${copiesMade} = ${succeeded('copy')}`,
      },
    });
  }, 120_000);
});
