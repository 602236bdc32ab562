import { lastValueFrom, toArray } from 'rxjs';
import { md5Hex } from '../../lib/transport/crypto.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import type { UploadProgressEvent } from '../../lib/upload/events.js';
import { uploadGroup, type GroupUploadEvent } from '../../lib/upload/upload-group.js';
import { testEnv } from '../support/test-env.js';
import { cdnBytes, emulatorClient, lastRequestId, patternBytes, requestsSince } from './support/emulator-control.js';

describe('uploadGroup', () => {
  const base = () => testEnv().emulatorUrl;

  it('uploads every source, groups them in input order, with overall progress', async () => {
    const client = emulatorClient(base());
    const sources = [patternBytes(1000, 1), new Blob([patternBytes(2000, 2) as Uint8Array<ArrayBuffer>]), patternBytes(3000, 3)];
    const since = await lastRequestId(base());
    const events: GroupUploadEvent[] = await lastValueFrom(uploadGroup(sources, { store: true, policy: { fileConcurrency: 2 } }, client).pipe(toArray()));

    const ticks = events.filter((event): event is UploadProgressEvent => event.type === 'progress');
    expect(ticks[0]).toEqual({ type: 'progress', done: 0, total: 6000 });
    expect(ticks[ticks.length - 1]).toEqual({ type: 'progress', done: 6000, total: 6000 });
    ticks.slice(1).forEach((tick, i) => expect(tick.done).toBeGreaterThan(ticks[i]!.done));

    const last = events[events.length - 1]!;
    if (last.type !== 'complete') throw new Error('no complete event');
    expect(last.group).toBeInstanceOf(FileGroup);
    expect(last.group.length).toBe(3);
    expect(last.files.length).toBe(3);
    const members = await lastValueFrom(last.group.files().pipe(toArray()));
    expect(members.map((file) => file?.uuid)).toEqual(last.files.map((file) => file.uuid));
    const expected = [patternBytes(1000, 1), patternBytes(2000, 2), patternBytes(3000, 3)];
    for (const [i, file] of last.files.entries()) {
      expect(md5Hex(await cdnBytes(base(), file.uuid))).withContext(`file ${i}`).toBe(md5Hex(expected[i]!));
    }
    const paths = (await requestsSince(base(), since)).map((request) => `${request.method} ${request.path}`);
    expect(paths.filter((path) => path === 'POST /base/').length).toBe(3);
    expect(paths.filter((path) => path === 'POST /group/').length).toBe(1);
  });
});
