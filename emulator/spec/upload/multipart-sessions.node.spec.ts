import { MemoryBlobStore } from '../../lib/state/blob-store.js';
import { DEMO_PROJECT } from '../../lib/options.js';
import { MULTIPART_LIMITS, MultipartSessions, type MultipartPlan } from '../../lib/upload/multipart-sessions.js';

const MiB = 1024 * 1024;

async function* bytes(length: number): AsyncGenerator<Uint8Array> {
  yield new Uint8Array(length);
}

describe('multipart sessions', () => {
  const plan = (uuid: string, size = 12 * MiB): MultipartPlan => ({
    uuid,
    project: DEMO_PROJECT,
    filename: 'f.bin',
    size,
    partSize: 5 * MiB,
    contentType: undefined,
    store: undefined,
    metadata: {},
    tags: [],
  });

  it('expects parts of the part size and the remainder last', () => {
    const session = new MultipartSessions(new MemoryBlobStore()).start(plan('a'));
    expect(session.partCount).toBe(3);
    expect([0, 1, 2].map((i) => session.expectedPartSize(i))).toEqual([5 * MiB, 5 * MiB, 2 * MiB]);
  });

  it('signs part URLs so that only the issued one verifies', () => {
    const sessions = new MultipartSessions(new MemoryBlobStore());
    sessions.start(plan('a'));
    const url = new URL(sessions.partUrl('http://127.0.0.1:1', 'a', 1));
    expect(url.pathname).toBe('/multipart/part/a/2/');
    const signature = url.searchParams.get('X-Amz-Signature');
    expect(sessions.verifyPartSignature('a', 1, signature)).toBeTrue();
    expect(sessions.verifyPartSignature('a', 0, signature)).toBeFalse();
    expect(sessions.verifyPartSignature('a', 1, null)).toBeFalse();
  });

  it('forgets a session abandoned past its lifetime, deleting its parts', async () => {
    const blobs = new MemoryBlobStore();
    const sessions = new MultipartSessions(blobs);
    const t0 = 1_000_000;
    const old = sessions.start(plan('old'), t0);
    const part = await blobs.write(bytes(10));
    old.putPart(0, part);
    sessions.start(plan('recent'), t0 + MULTIPART_LIMITS.sessionLifetimeMs - 1);
    expect(sessions.get('old')).toBe(old);
    sessions.start(plan('new'), t0 + MULTIPART_LIMITS.sessionLifetimeMs + 1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sessions.get('old')).toBeUndefined();
    expect(blobs.size(part.id)).toBeUndefined();
    expect(sessions.get('recent')).toBeDefined();
  });
});
