import { lastValueFrom, toArray } from 'rxjs';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { md5Hex } from '../../lib/transport/crypto.js';
import type { UploadProgressEvent } from '../../lib/upload/events.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { cdnBytes, emulatorClient, patternBytes, requestsSince, type LoggedRequest } from './support/emulator-control.js';

const MiB = 1024 * 1024;

describe('multipart under faults', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await emulator.close();
  });

  async function setFaults(rules: readonly Record<string, unknown>[]): Promise<void> {
    const answer = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ seed: 1, rules }),
    });
    expect(answer.status).toBe(200);
  }

  function byPath(requests: readonly LoggedRequest[]): Map<string, LoggedRequest[]> {
    const parts = new Map<string, LoggedRequest[]>();
    for (const request of requests.filter((entry) => entry.method === 'PUT')) {
      parts.set(request.path, [...(parts.get(request.path) ?? []), request]);
    }
    return parts;
  }

  it('retries a throttled, a failed and a dropped part alone; the file lands byte-identical', async () => {
    await setFaults([
      { kind: 'throttle', pathPrefix: '/multipart/part/', skip: 1, count: 1, retryAfterSeconds: 0 },
      { kind: 'error', status: 500, pathPrefix: '/multipart/part/', skip: 2, count: 1 },
      { kind: 'drop', pathPrefix: '/multipart/part/', skip: 3, count: 1, afterBytes: 64 * 1024 },
    ]);
    const since = (await requestsSince(emulator.url, 0)).at(-1)?.id ?? 0;
    const size = 19 * MiB + 77;
    const bytes = patternBytes(size, 5);
    const events = await lastValueFrom(uploadFile(bytes, {}, emulatorClient(emulator.url)).pipe(toArray()));

    const last = events[events.length - 1]!;
    if (last.type !== 'complete') throw new Error('no complete event');
    expect(md5Hex(await cdnBytes(emulator.url, last.file.uuid))).toBe(md5Hex(bytes));
    const ticks = events.filter((event): event is UploadProgressEvent => event.type === 'progress');
    ticks.slice(1).forEach((tick, i) => expect(tick.done).toBeGreaterThan(ticks[i]!.done));
    expect(ticks[ticks.length - 1]!.done).toBe(size);

    const requests = await requestsSince(emulator.url, since);
    const parts = byPath(requests);
    expect(parts.size).toBe(4);
    const faulted = requests.filter((request) => request.faults.length > 0);
    expect(faulted.map((request) => request.faults[0]).sort()).toEqual(['drop', 'error', 'throttle']);
    // Each part was sent once more per fault it met, and no other part was sent again.
    for (const [path, attempts] of parts) {
      const faults = attempts.filter((attempt) => attempt.faults.length > 0).length;
      expect(attempts.length).withContext(path).toBe(1 + faults);
      expect(attempts[attempts.length - 1]!.status).withContext(path).toBe(200);
    }
    expect(requests.filter((request) => request.path === '/multipart/start/').length).toBe(1);
    expect(requests.filter((request) => request.path === '/multipart/complete/').length).toBe(1);
  });

  it('gives up on a part after partRetries attempts, failing the upload without completing it', async () => {
    await setFaults([{ kind: 'error', status: 503, pathPrefix: '/multipart/part/' }]);
    const since = (await requestsSince(emulator.url, 0)).at(-1)?.id ?? 0;
    const upload = uploadFile(patternBytes(10 * MiB), { policy: { partRetries: 1, partConcurrency: 1 } }, emulatorClient(emulator.url));
    await expectAsync(lastValueFrom(upload)).toBeRejectedWith(jasmine.objectContaining({ status: 503 }));
    const requests = await requestsSince(emulator.url, since);
    expect(requests.filter((request) => request.method === 'PUT').length).toBe(2);
    expect(requests.some((request) => request.path === '/multipart/complete/')).toBeFalse();
    await setFaults([]);
  });
});
