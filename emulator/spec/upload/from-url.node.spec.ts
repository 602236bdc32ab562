import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { PUBLIC_KEY, expectFileInfo, getJson, patternBytes, postForm, waitForFromUrl } from './upload-api-helpers.js';

/** A loopback source whose answers the spec holds back, to watch `waiting` and `progress`. */
interface HeldSource {
  readonly url: string;
  /** Resolves with the response of the next request, headers not yet sent. */
  next(): Promise<ServerResponse>;
  close(): Promise<void>;
}

async function startHeldSource(): Promise<HeldSource> {
  const waiting: ((res: ServerResponse) => void)[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url === '/missing') return void res.writeHead(404).end();
    if (req.url === '/broken') return void res.writeHead(503).end();
    if (req.url === '/moved') return void res.writeHead(302, { Location: '/redirected/target.txt' }).end();
    if (req.url === '/redirected/target.txt') return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('moved here');
    waiting.shift()?.(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    next: () => new Promise((resolve) => waiting.push(resolve)),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('emulator from_url downloads', () => {
  let emulator: RunningEmulator;
  let source: HeldSource;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    source = await startHeldSource();
  });

  afterAll(async () => {
    await source.close();
    await emulator.close();
  });

  async function startTask(path: string, fields: Record<string, string> = {}): Promise<string> {
    const answer = await postForm('/from_url/?jsonerrors=1', { pub_key: PUBLIC_KEY, source_url: `${source.url}${path}`, ...fields }, emulator.url);
    expect(answer.status).toBe(200);
    return answer.json['token'] as string;
  }

  const status = async (token: string): Promise<Record<string, unknown>> =>
    (await getJson('/from_url/status/', { token, jsonerrors: '1' }, emulator.url)).json;

  async function until(token: string, test: (answer: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (let i = 0; i < 500; i++) {
      const answer = await status(token);
      if (test(answer)) return answer;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('status never matched');
  }

  it('reports waiting, then progress with done/total from Content-Length, then success', async () => {
    const bytes = patternBytes(200_000, 4);
    const held = source.next();
    const token = await startTask('/data/known.bin', { filename: 'given-name.bin', store: '0', 'metadata[from]': 'url' });
    expect(await status(token)).toEqual({ status: 'waiting' });
    const res = await held;
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
    res.write(bytes.subarray(0, 50_000));
    const progress = await until(token, (answer) => answer['status'] === 'progress' && answer['done'] === 50_000);
    expect(progress).toEqual({ status: 'progress', done: 50_000, total: bytes.length });
    res.end(bytes.subarray(50_000));
    const statuses = await waitForFromUrl(token, emulator.url);
    const success = statuses[statuses.length - 1]!;
    expect(success['status']).toBe('success');
    expectFileInfo(success, { size: bytes.length, filename: 'given-name.bin', mimeType: 'application/octet-stream', stored: false, metadata: { from: 'url' } });
  });

  it("reports total 'unknown' for a source without Content-Length", async () => {
    const held = source.next();
    const token = await startTask('/data/chunked.txt');
    const res = await held;
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('first chunk;');
    expect(await until(token, (answer) => answer['status'] === 'progress' && answer['done'] === 12)).toEqual({ status: 'progress', done: 12, total: 'unknown' });
    res.end('second chunk');
    const statuses = await waitForFromUrl(token, emulator.url);
    expect(statuses[statuses.length - 1]).toEqual(jasmine.objectContaining({ status: 'success', size: 24, original_filename: 'chunked.txt', mime_type: 'text/plain' }));
  });

  it('follows redirects and names the file after the final URL', async () => {
    const statuses = await waitForFromUrl(await startTask('/moved'), emulator.url);
    expect(statuses[statuses.length - 1]).toEqual(jasmine.objectContaining({ status: 'success', original_filename: 'target.txt', size: 10 }));
  });

  it('reports a failing source as status error with the message and error code', async () => {
    const missing = await waitForFromUrl(await startTask('/missing'), emulator.url);
    expect(missing[missing.length - 1]).toEqual({ status: 'error', error: 'HTTP client error: 404.', error_code: 'DownloadFileHTTPClientError' });
    const broken = await waitForFromUrl(await startTask('/broken'), emulator.url);
    expect(broken[broken.length - 1]).toEqual({ status: 'error', error: 'HTTP server error: 503.', error_code: 'DownloadFileHTTPServerError' });
  });

  it('answers a known URL with file_info only when asked to check duplicates and it was saved', async () => {
    const path = '/moved';
    const first = await waitForFromUrl(await startTask(path, { save_URL_duplicates: '1' }), emulator.url);
    const uuid = first[first.length - 1]!['uuid'];
    const duplicate = await postForm('/from_url/?jsonerrors=1', { pub_key: PUBLIC_KEY, source_url: `${source.url}${path}`, check_URL_duplicates: '1' }, emulator.url);
    expect(duplicate.json['type']).toBe('file_info');
    expect(duplicate.json['uuid']).toBe(uuid);
    expectFileInfo(duplicate.json, { uuid: uuid as string, size: 10, filename: 'target.txt', mimeType: 'text/plain' });
    const unchecked = await postForm('/from_url/?jsonerrors=1', { pub_key: PUBLIC_KEY, source_url: `${source.url}${path}` }, emulator.url);
    expect(unchecked.json['type']).toBe('token');
    await waitForFromUrl(unchecked.json['token'] as string, emulator.url);
  });

  it('answers the legacy POST /from_url/status/ like the GET', async () => {
    const token = await startTask('/moved');
    await waitForFromUrl(token, emulator.url);
    const posted = await postForm('/from_url/status/?jsonerrors=1', { token }, emulator.url);
    expect(posted.json).toEqual(await status(token));
    expect(posted.json['status']).toBe('success');
  });
});
