import { firstValueFrom, lastValueFrom, NEVER } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import type { RunningEmulator } from 'rxuploadcare-emulator';
import { InvalidParamError, TimeoutError } from '../../lib/errors.js';
import { MAX_TIMER_MS } from '../../lib/long-timer.js';
import { FileFromUrl } from '../../lib/upload/file-from-url.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { chaosClient, chaosEmulator } from '../chaos/support/emulator.js';
import { enqueue, logWhere, requestLog, resetScript, scriptBase } from '../transport/script.js';

// Issue 13 item 8: durations past setTimeout's 2^31 - 1 ms fired at once; a signatureResolver was waited for without
// end. Every user- or server-given duration goes through lib/long-timer.ts, which honours any length.

const UUID = 'a771f854-c2cb-408a-8c36-71af77811f3b';
const TOKEN = '45b4a1bc-8c3b-4e49-a5bd-3e0a5b10fb7a';

describe('long durations (issue 13 item 8)', () => {
  let client: Uploadcare;

  beforeEach(async () => {
    await resetScript();
    client = new Uploadcare({ publicKey: 'pk', secretKey: 'sk', restBase: scriptBase(), uploadBase: scriptBase(), retry: { network: { maxRetries: 0 } } });
  });

  it('wait({ timeout: 2200000 }) waits for the upload instead of failing at once', async () => {
    await enqueue({ body: { status: 'waiting' } }, { body: { status: 'progress', done: 1, total: 2 } }, { body: { status: 'success', uuid: UUID, is_ready: true } });
    const events = lastValueFrom(new FileFromUrl(TOKEN, client).wait({ timeout: 2_200_000, interval: 0.001 }));
    expect(await events).toEqual(jasmine.objectContaining({ type: 'complete' }));
    expect((await requestLog()).length).toBe(3);
  });

  it('wait({ interval: 2200000 }) polling steadily asks once, then waits the interval (it asked every millisecond)', async () => {
    await enqueue(...Array.from({ length: 50 }, () => ({ body: { status: 'waiting' } })));
    const steady = { firstInterval: 2_200_000 };
    const subscription = new FileFromUrl(TOKEN, client).wait({ interval: 2_200_000, timeout: 30, ramp: steady }).subscribe({ error: () => undefined });
    try {
      await logWhere((log) => log.length >= 1);
      // Each look at the log is a round trip: a poll overflowing to 1 ms would have asked again meanwhile.
      for (let look = 0; look < 5; look++) expect((await requestLog()).length).toBe(1);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('wait({ interval: 2200000 }) with the default ramp asks at waits growing from 20 ms, never every millisecond', async () => {
    await enqueue(...Array.from({ length: 50 }, () => ({ body: { status: 'waiting' } })));
    const subscription = new FileFromUrl(TOKEN, client).wait({ interval: 2_200_000, timeout: 30 }).subscribe({ error: () => undefined });
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      // At once, then 20, 30, 45, 68, 101 ms...: about 6 asks in 400 ms, however slow the machine; overflowing to
      // 1 ms would have asked hundreds of times.
      const asks = (await requestLog()).length;
      expect(asks).toBeGreaterThanOrEqual(2);
      expect(asks).toBeLessThanOrEqual(8);
    } finally {
      subscription.unsubscribe();
    }
  });

  it('a signatureResolver that never answers fails with a TimeoutError within timeoutMs, before any request', async () => {
    for (const never of [() => new Promise<string>(() => undefined), () => NEVER]) {
      const signed = new Uploadcare({ publicKey: 'pk', signatureResolver: never, restBase: scriptBase(), timeoutMs: 50, retry: { network: { maxRetries: 1, baseMs: 0 } } });
      await expectAsync(firstValueFrom(signed.rest('GET', 'files/'))).toBeRejectedWith(jasmine.any(TimeoutError));
      // A per-call timeout bounds it too.
      const patient = new Uploadcare({ publicKey: 'pk', signatureResolver: never, restBase: scriptBase(), timeoutMs: 0 });
      await expectAsync(firstValueFrom(patient.rest('GET', 'files/', undefined, { timeoutMs: 50, retry: { network: { maxRetries: 0 } } }))).toBeRejectedWith(
        jasmine.any(TimeoutError),
      );
    }
    expect(await requestLog()).toEqual([]);
  });

  it('an upload signature resolver that never answers fails the upload with a TimeoutError within timeoutMs, before any request', async () => {
    const impatient = new Uploadcare({ publicKey: 'pk', uploadBase: scriptBase(), timeoutMs: 50 });
    for (const never of [() => new Promise<never>(() => undefined), () => NEVER]) {
      await expectAsync(lastValueFrom(uploadFile(new Uint8Array([1]), { signed: never }, impatient))).toBeRejectedWith(jasmine.any(TimeoutError));
    }
    // The same class, found on the way: an answer that is no Observable or promise was RxJS's TypeError.
    await expectAsync(lastValueFrom(uploadFile(new Uint8Array([1]), { signed: (() => 5) as never }, impatient))).toBeRejectedWith(jasmine.any(InvalidParamError));
    expect(await requestLog()).toEqual([]);
  });

  describe('emulator latency faults', () => {
    let emulator: RunningEmulator;

    beforeAll(async () => {
      emulator = await chaosEmulator();
    });

    afterAll(async () => {
      await emulator.close();
    });

    it(`of ${MAX_TIMER_MS + 1} ms and more hold the answer (they answered at once)`, async () => {
      emulator.faults.set({ rules: [{ kind: 'latency', latencyMs: MAX_TIMER_MS + 1, pathPrefix: '/files/' }] });
      const impatient = chaosClient(emulator, { timeoutMs: 100, retry: { network: { maxRetries: 0 } } });
      await expectAsync(firstValueFrom(impatient.rest('GET', 'files/'))).toBeRejectedWith(jasmine.any(TimeoutError));
      emulator.faults.set({ rules: [] });
    });
  });
});
