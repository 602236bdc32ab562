import { lastValueFrom, toArray } from 'rxjs';
import { UploadcareClient } from '../../lib/core/client.js';
import { md5Hex } from '../../lib/transport/crypto.js';
import { isUuid } from '../../lib/resources/uuid.js';
import { uploadGroupToIds } from '../../lib/upload/upload-group-ids.js';
import { uploadFileToUuid } from '../../lib/upload/upload-to-uuid.js';
import { testEnv } from '../support/test-env.js';
import { cdnBytes, emulatorClient, patternBytes } from './support/emulator-control.js';

// The core forms of the uploads: the same uploads as uploadFile/uploadGroup over a bare UploadcareClient, ending in
// plain data (docs/architecture.md).
describe('core upload forms', () => {
  const base = () => testEnv().emulatorUrl;
  const coreClient = () => new UploadcareClient(emulatorClient(base()).options);

  it('uploadFileToUuid: progress ticks, then the new UUID as a string', async () => {
    const bytes = patternBytes(2500, 7);
    const events = await lastValueFrom(uploadFileToUuid(bytes, { filename: 'core.bin' }, coreClient()).pipe(toArray()));
    expect(events[0]).toEqual({ type: 'progress', done: 0, total: 2500 });
    const last = events[events.length - 1]!;
    if (last.type !== 'complete') throw new Error('no complete event');
    expect(typeof last.file).toBe('string');
    expect(isUuid(last.file)).toBeTrue();
    expect(md5Hex(await cdnBytes(base(), last.file))).toBe(md5Hex(bytes));
  });

  it('uploadGroupToIds: overall progress, then the group id and the UUIDs in input order', async () => {
    const sources = [patternBytes(1000, 1), patternBytes(2000, 2)];
    const events = await lastValueFrom(uploadGroupToIds(sources, {}, coreClient()).pipe(toArray()));
    const last = events[events.length - 1]!;
    if (last.type !== 'complete') throw new Error('no complete event');
    expect(last.groupId).toMatch(/~2$/);
    expect(last.uuids.length).toBe(2);
    for (const [i, uuid] of last.uuids.entries()) expect(await cdnBytes(base(), uuid)).withContext(`file ${i}`).toEqual(sources[i]!);
  });
});
