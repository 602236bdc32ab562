import { lastValueFrom, toArray } from 'rxjs';
import type { UploadEvent, UploadProgressEvent } from '../../lib/upload/events.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { testEnv } from '../support/test-env.js';
import { emulatorClient, lastRequestId, patternBytes, requestsSince, type LoggedRequest } from './support/emulator-control.js';

const MiB = 1024 * 1024;

const progressOf = (events: readonly UploadEvent[]): UploadProgressEvent[] =>
  events.filter((event): event is UploadProgressEvent => event.type === 'progress');

/** The most requests of `requests` the emulator had in flight at once (from its log's start and end times). */
function mostAtOnce(requests: readonly LoggedRequest[]): number {
  return Math.max(
    0,
    ...requests.map((request) => requests.filter((other) => other.startedAt <= request.startedAt && (other.endedAt ?? Infinity) > request.startedAt).length),
  );
}

describe('upload progress and concurrency (Node)', () => {
  const base = () => testEnv().emulatorUrl;

  it('reports progress while a direct upload is being sent, not only at its ends', async () => {
    const total = 9 * MiB;
    const events = await lastValueFrom(uploadFile(patternBytes(total), { filename: 'nine.bin' }, emulatorClient(base())).pipe(toArray()));
    const between = progressOf(events).filter((tick) => tick.done > 0 && tick.done < total);
    expect(between.length).toBeGreaterThanOrEqual(10);
  });

  for (const partConcurrency of [undefined, 2]) {
    it(`keeps at most ${partConcurrency ?? 'the default 4'} parts in flight, and more than one`, async () => {
      const since = await lastRequestId(base());
      const policy = partConcurrency === undefined ? {} : { policy: { partConcurrency } };
      await lastValueFrom(uploadFile(patternBytes(40 * MiB), { filename: 'forty.bin', ...policy }, emulatorClient(base())));
      const parts = (await requestsSince(base(), since)).filter((request) => request.method === 'PUT' && request.path.startsWith('/multipart/part/'));
      expect(parts.length).toBe(8);
      const most = mostAtOnce(parts);
      expect(most).toBeLessThanOrEqual(partConcurrency ?? 4);
      expect(most).toBeGreaterThan(1);
    });
  }
});
