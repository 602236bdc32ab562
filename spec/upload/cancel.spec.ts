import { FileFromUrl } from '../../lib/upload/file-from-url.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { uploadGroup } from '../../lib/upload/upload-group.js';
import { testEnv } from '../support/test-env.js';
import { addFault, emulatorClient, lastRequestId, pause, patternBytes, removeFault, requestsSince, settled } from './support/emulator-control.js';

const MiB = 1024 * 1024;

describe('upload cancellation', () => {
  const base = () => testEnv().emulatorUrl;
  let faults: string[] = [];

  afterEach(async () => {
    await Promise.all(faults.map((id) => removeFault(base(), id)));
    faults = [];
  }, 30_000);

  it('unsubscribing a multipart upload aborts the parts in flight and sends nothing more (no complete call)', async () => {
    const client = emulatorClient(base());
    // Parts are held by the server long enough to be in flight when the subscriber leaves.
    faults.push(await addFault(base(), { kind: 'latency', latencyMs: 3000, pathPrefix: '/multipart/part/' }));
    const since = await lastRequestId(base());
    // Parts larger than the loopback socket buffers: a part cannot be fully received before the client leaves.
    const upload = uploadFile(patternBytes(24 * MiB), { policy: { partSize: 8 * MiB } }, client).subscribe();
    // Wait until the part PUTs have reached the server, then leave.
    for (let i = 0; i < 200; i++) {
      const puts = (await requestsSince(base(), since)).filter((request) => request.method === 'PUT');
      if (puts.length >= 3) break;
      await pause(20);
    }
    upload.unsubscribe();
    await settled(base());
    const atCancel = await requestsSince(base(), since);
    await pause(500);
    const later = await requestsSince(base(), since);

    const puts = atCancel.filter((request) => request.method === 'PUT' && request.path.startsWith('/multipart/part/'));
    expect(puts.length).toBe(3);
    for (const put of puts) expect(put.abortedByClient).withContext(JSON.stringify(put)).toBeTrue();
    expect(atCancel.some((request) => request.path === '/multipart/complete/')).toBeFalse();
    expect(later.length).toBe(atCancel.length);
  }, 30_000);

  it('unsubscribing during multipart/complete/ closes that call too', async () => {
    const client = emulatorClient(base());
    faults.push(await addFault(base(), { kind: 'latency', latencyMs: 3000, pathPrefix: '/multipart/complete/' }));
    const since = await lastRequestId(base());
    const upload = uploadFile(patternBytes(10 * MiB), {}, client).subscribe();
    for (let i = 0; i < 300; i++) {
      if ((await requestsSince(base(), since)).some((request) => request.path === '/multipart/complete/')) break;
      await pause(20);
    }
    upload.unsubscribe();
    await settled(base());
    const requests = await requestsSince(base(), since);
    const complete = requests.filter((request) => request.path === '/multipart/complete/');
    expect(complete.length).toBe(1);
    expect(complete[0]!.abortedByClient).toBeTrue();
    await pause(300);
    expect((await requestsSince(base(), since)).length).toBe(requests.length);
  }, 30_000);

  it('unsubscribing a group upload aborts every file in flight and never creates the group', async () => {
    const client = emulatorClient(base());
    faults.push(await addFault(base(), { kind: 'latency', latencyMs: 3000, pathPrefix: '/base/' }));
    const since = await lastRequestId(base());
    const upload = uploadGroup([patternBytes(100), patternBytes(200)], {}, client).subscribe();
    const posts = async () => (await requestsSince(base(), since)).filter((request) => request.method === 'POST');
    for (let i = 0; i < 200; i++) {
      if ((await posts()).length >= 2) break;
      await pause(20);
    }
    upload.unsubscribe();
    await settled(base());
    const atCancel = await posts();
    expect(atCancel.map((request) => request.path)).toEqual(['/base/', '/base/']);
    for (const post of atCancel) expect(post.abortedByClient).toBeTrue();
    await pause(300);
    expect((await posts()).length).toBe(2);
  }, 30_000);

  it('unsubscribing a direct upload closes its connection', async () => {
    const client = emulatorClient(base());
    faults.push(await addFault(base(), { kind: 'latency', latencyMs: 3000, pathPrefix: '/base/' }));
    const since = await lastRequestId(base());
    const upload = uploadFile(patternBytes(1000), {}, client).subscribe();
    for (let i = 0; i < 200; i++) {
      if ((await requestsSince(base(), since)).length > 0) break;
      await pause(20);
    }
    upload.unsubscribe();
    await settled(base());
    // Browsers may send a CORS preflight (OPTIONS) first: only the upload itself matters here.
    const requests = (await requestsSince(base(), since)).filter((request) => request.method !== 'OPTIONS');
    expect(requests.map((request) => `${request.method} ${request.path}`)).withContext(JSON.stringify(requests)).toEqual(['POST /base/']);
    expect(requests[0]!.abortedByClient).toBeTrue();
    await pause(300);
    expect((await requestsSince(base(), since)).filter((request) => request.method !== 'OPTIONS').length).toBe(1);
  }, 30_000);

  it('unsubscribing a from-URL wait stops polling', async () => {
    const client = emulatorClient(base());
    faults.push(await addFault(base(), { kind: 'latency', latencyMs: 3000, pathPrefix: '/from_url/status/' }));
    const since = await lastRequestId(base());
    const waiting = new FileFromUrl('5a0ec4e6-0f3c-4d0a-9b1a-3c6f1d2e7a44', client).wait({ interval: 0.05 }).subscribe();
    for (let i = 0; i < 200; i++) {
      if ((await requestsSince(base(), since)).length > 0) break;
      await pause(20);
    }
    waiting.unsubscribe();
    await settled(base());
    const atCancel = await requestsSince(base(), since);
    await pause(300);
    expect(atCancel.length).toBe(1);
    expect(atCancel[0]!.abortedByClient).toBeTrue();
    expect((await requestsSince(base(), since)).length).toBe(1);
  }, 30_000);
});
