import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { AuthenticationError, File, FileList, isUploadComplete, uploadFile, Uploadcare, type UploadEvent } from '../../lib/index.js';
import { inBrowser, testEnv } from '../support/test-env.js';
import { lastRequestId, patternBytes, requestsSince } from '../upload/support/emulator-control.js';

// What the demo page relies on, proven where it runs (headless Chromium under Karma, and Node): a client without the
// secret, signing REST requests through the emulator's signer; Blob uploads with progress; pages; cross-origin access.
describe('the demo page\'s client, against the emulator', () => {
  const base = () => testEnv().emulatorUrl;
  const signer = async (signString: string): Promise<string> => {
    const response = await fetch(`${base()}/demo/sign`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ signString }) });
    if (!response.ok) throw new Error(`signer answered ${response.status}`);
    return ((await response.json()) as { signature: string }).signature;
  };
  const pageClient = (signatureResolver = signer) =>
    new Uploadcare({ publicKey: 'demopublickey', restBase: base(), uploadBase: base(), cdnBase: base(), signatureResolver });

  async function upload(client: Uploadcare, bytes: Uint8Array, name: string): Promise<{ file: File; events: UploadEvent[] }> {
    const events = await lastValueFrom(uploadFile(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), { filename: name }, client).pipe(toArray()));
    const last = events.at(-1);
    if (!last || !isUploadComplete<File>(last)) throw new Error('the upload did not complete');
    return { file: last.file, events };
  }

  it('uploads a Blob with progress ticks from 0 to its size, and the CDN serves its bytes back', async () => {
    const client = pageClient();
    const bytes = patternBytes(3 * 1024 * 1024 + 17);
    const { file, events } = await upload(client, bytes, 'blob.bin');
    const ticks = events.filter((event) => event.type === 'progress');
    expect(ticks[0]).toEqual({ type: 'progress', done: 0, total: bytes.length });
    expect(ticks.at(-1)).toEqual({ type: 'progress', done: bytes.length, total: bytes.length });
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.done).toBeGreaterThan(ticks[i - 1]!.done);
    const served = await firstValueFrom(client.request<ArrayBuffer>({ method: 'GET', url: file.cdnUrl, responseType: 'arraybuffer' }));
    expect(new Uint8Array(served.body)).toEqual(bytes);
  }, 30_000);

  it('signs REST requests through the signer endpoint with no secret in the client, and the emulator accepts them', async () => {
    const client = pageClient();
    expect(client.options.secretKey).toBeUndefined();
    const { file } = await upload(client, patternBytes(1000, 3), 'signed.bin');
    const info = await firstValueFrom(new File(file.uuid, client).store());
    expect(info.datetime_stored).not.toBeNull();
    expect(await firstValueFrom(new FileList({ limit: 1 }, client).count())).toBeGreaterThan(0);
  }, 30_000);

  it('gets an AuthenticationError when the resolver signs wrongly', async () => {
    const wrong = pageClient(async (signString) => (await signer(`${signString}`)).replace(/^./, (c) => (c === '0' ? '1' : '0')));
    const error = await firstValueFrom(wrong.rest('GET', 'files/?limit=1')).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
  }, 30_000);

  it('lists page by page, following next links (requestLimit is the page size)', async () => {
    const client = pageClient();
    const uploaded: File[] = [];
    for (let i = 0; i < 5; i++) uploaded.push((await upload(client, patternBytes(100 + i, i), `page-${i}.bin`)).file);
    const since = await firstValueFrom(uploaded[0]!.datetimeUploaded());
    const since$ = await lastRequestId(base());
    const pages = await lastValueFrom(new FileList({ since: since ?? undefined, requestLimit: 2 }, client).pages().pipe(toArray()));
    expect(pages.map((page) => page.map((file) => file.uuid))).toEqual([
      [uploaded[0]!.uuid, uploaded[1]!.uuid],
      [uploaded[2]!.uuid, uploaded[3]!.uuid],
      [uploaded[4]!.uuid],
    ]);
    const listings = (await requestsSince(base(), since$)).filter((request) => request.method === 'GET' && request.path === '/files/');
    expect(listings.length).toBe(3);
  }, 30_000);

  it(inBrowser ? 'works across origins: preflighted signed requests pass and exposed headers are readable' : 'reads the CORS answers a browser needs', async () => {
    const client = pageClient();
    const { file } = await upload(client, patternBytes(4096, 9), 'cors.bin');
    if (inBrowser) expect(new URL(base()).origin).not.toBe(location.origin);
    const since = await lastRequestId(base());
    const info = await firstValueFrom(client.rest<{ uuid: string }>('GET', `files/${file.uuid}/`));
    expect(info.uuid).toBe(file.uuid);
    const requests = (await requestsSince(base(), since)).filter((request) => request.path === `/files/${file.uuid}/`);
    // Authorization and X-Uploadcare-Date are not CORS-safelisted: the browser asks first.
    expect(requests.map((request) => request.method)).toEqual(inBrowser ? ['OPTIONS', 'GET'] : ['GET']);

    const range = await firstValueFrom(client.request<ArrayBuffer>({ method: 'GET', url: file.cdnUrl, headers: { Range: 'bytes=0-99' }, responseType: 'arraybuffer' }));
    expect(range.status).toBe(206);
    expect(range.headers['content-range']).toBe('bytes 0-99/4096');
    expect(range.headers['etag']).toBe(`"${file.uuid}-4096"`);

    if (inBrowser) return; // a browser sends its preflights itself (checked above) and hides their answers
    const preflight = await fetch(`${base()}/files/`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:9876', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,x-uploadcare-date' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
  }, 30_000);
});
