import { config as rxConfig, type Observable, type Subscription } from 'rxjs';
import type { RunningEmulator } from 'rxuploadcare-emulator';
import { FileList } from '../../lib/resources/file-list.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { chaosClient, chaosEmulator, clientSocketsTo, eventually, pause, runPool, seededRandom } from './support/emulator.js';
import { recordFigures } from './support/figures.js';
import { RequestTracker } from './support/request-tracker.js';
import { chaosScale } from './support/scale.js';

// Cancellation at random moments: uploads (direct and multipart) and full list walks, each unsubscribed a random
// 0-100 ms after its n-th request started (n random), with 5-35 ms of latency on every request so that many are cut
// mid-request. Afterwards: no request was started by an operation after its unsubscribe (each request is attributed to its operation, see
// support/request-tracker.ts), no socket stays open on either side, and nothing was reported as unhandled.

const SEED = 4242;
const MULTIPART_SIZE = 11 * 1024 * 1024;
/**
 * A cancel comes a random 0-100 ms after the operation started its n-th request (n random, 0 meaning subscribe): tied to
 * the operation's own progress, so the moments spread over its life (before the first request, mid-body, between
 * pages, after the end) whatever the machine's speed.
 */
const CANCEL_WINDOW_MS = 100;

type Kind = 'direct' | 'multipart' | 'list';

describe('chaos: cancellation at random moments', () => {
  const scale = chaosScale();
  let emulator: RunningEmulator;
  let tracker: RequestTracker;
  const unhandled: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    unhandled.push(reason);
  };
  let previousRxHandler: typeof rxConfig.onUnhandledError;

  beforeAll(async () => {
    emulator = await chaosEmulator({ seedFiles: 300 });
    tracker = new RequestTracker();
    process.on('unhandledRejection', onRejection);
    previousRxHandler = rxConfig.onUnhandledError;
    rxConfig.onUnhandledError = (error) => unhandled.push(error);
  });

  afterAll(async () => {
    rxConfig.onUnhandledError = previousRxHandler;
    process.off('unhandledRejection', onRejection);
    tracker.dispose();
    await emulator.close();
  });

  it(`${scale.cancellations} uploads and lists cancelled: no late request, no open socket, nothing unhandled`, async () => {
    const client = chaosClient(emulator);
    const random = seededRandom(SEED);
    const multipartBytes = new Uint8Array(MULTIPART_SIZE).fill(7);
    const plans = Array.from({ length: scale.cancellations }, (_, index) => {
      const draw = random();
      const kind: Kind = draw < 0.4 ? 'list' : draw < 0.55 ? 'multipart' : 'direct';
      // The moment: once the operation has started its n-th request (0: counted from subscribe), plus a random delay.
      const afterRequests = Math.floor(random() * (kind === 'direct' ? 2 : 5));
      return { index, kind, afterRequests, cancelAfterMs: Math.floor(random() * CANCEL_WINDOW_MS), size: 64 * 1024 + Math.floor(random() * 2 * 1024 * 1024) };
    });
    const operationOf = (plan: (typeof plans)[number]): Observable<unknown> => {
      switch (plan.kind) {
        case 'list':
          return new FileList({ requestLimit: 20 }, client);
        case 'multipart':
          return uploadFile(multipartBytes, { filename: `cancel-${plan.index}.bin` }, client);
        case 'direct':
          return uploadFile(new Uint8Array(plan.size).fill(plan.index % 251), { filename: `cancel-${plan.index}.bin` }, client);
      }
    };

    emulator.requests.reset();
    emulator.faults.set({ seed: SEED, rules: [{ kind: 'latency', latencyMs: 5, jitterMs: 30 }] });
    const outcomes = await runPool(plans, 10, async (plan) => {
      let finished: 'completed' | 'errored' | null = null;
      const errors: unknown[] = [];
      const { operation, result: subscription } = tracker.run(plan.index, (): Subscription =>
        operationOf(plan).subscribe({
          error: (error: unknown) => {
            finished = 'errored';
            errors.push(error);
          },
          complete: () => (finished = 'completed'),
        }),
      );
      await new Promise<void>((resolve) => {
        if (operation.requests >= plan.afterRequests || finished) return resolve();
        // An operation may end before its n-th request: then the cancel comes after its end.
        const poll = setInterval(() => {
          if (!finished) return;
          clearInterval(poll);
          resolve();
        }, 10);
        operation.onRequest = (count) => {
          if (count < plan.afterRequests) return;
          clearInterval(poll);
          resolve();
        };
      });
      await pause(plan.cancelAfterMs);
      // Marked first: a request started while unsubscribing is a late one too.
      operation.cancelled = true;
      subscription.unsubscribe();
      return { plan, operation, finished: finished as 'completed' | 'errored' | null, errors };
    });

    // Sockets: the emulator's side closes as soon as the aborted requests are seen; pooled keep-alive sockets of
    // completed requests close when the emulator's keep-alive timeout ends them.
    // Bytes written before an unsubscribe may still be read by the (same-process) emulator a moment later.
    await pause(300);
    await eventually(() => emulator.requests.inFlight(), (count) => count === 0, 'no request in flight at the emulator');
    // A quiet period: a retry timer or a next page left running would send now.
    const lastSeen = emulator.requests.list().at(-1)?.id ?? 0;
    await pause(1500);
    const late = emulator.requests.list(lastSeen);
    const serverSockets = await eventually(() => emulator.openConnections(), (count) => count === 0, 'the emulator to have no open connection');
    const clientSockets = await eventually(() => clientSocketsTo(emulator.port), (count) => count === 0, 'this process to have no socket to the emulator');
    emulator.faults.clear();

    const lateRequests = outcomes.reduce((sum, outcome) => sum + outcome.operation.lateRequests, 0);
    const errored = outcomes.filter((outcome) => outcome.finished === 'errored');
    expect(errored.map((outcome) => String(outcome.errors[0]))).toEqual([]);
    expect(lateRequests).toBe(0);
    expect(late.map((entry) => `${entry.method} ${entry.url}`)).toEqual([]);
    expect(unhandled).toEqual([]);
    expect(serverSockets).toBe(0);
    expect(clientSockets).toBe(0);
    const cancelledMidway = outcomes.filter((outcome) => outcome.finished === null);
    expect(cancelledMidway.length).toBeGreaterThan(scale.cancellations / 4);

    const log = emulator.requests.list();
    const count = (kind: Kind): string =>
      `${outcomes.filter((o) => o.plan.kind === kind && o.finished === null).length} of ${plans.filter((p) => p.kind === kind).length}`;
    await recordFigures('cancellation', {
      title: 'Cancellation at random moments',
      figures: {
        operations: plans.length,
        'cancelled before the end (direct / multipart / list)': `${count('direct')} / ${count('multipart')} / ${count('list')}`,
        'completed before the cancel came': outcomes.filter((o) => o.finished === 'completed').length,
        'HTTP requests started': outcomes.reduce((sum, o) => sum + o.operation.requests, 0),
        'requests the emulator saw aborted by the client': log.filter((e) => e.abortedByClient).length,
        'requests started after unsubscribe': lateRequests,
        'open sockets afterwards (emulator / client)': `${serverSockets} / ${clientSockets}`,
        'unhandled errors or rejections': unhandled.length,
      },
    });
  }, 120_000);
});
