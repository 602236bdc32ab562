import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { TimeoutError } from '../../lib/errors.js';
import { downloadTo } from '../../lib/cli/sync/download.js';
import { failure } from './script.js';
import { tempDir } from '../cli/support/built-cli.js';
import { StallServer } from './support/stall-server.js';

// A streamed answer can always be stopped (issue 13, item 3): a server that sends its headers and a few bytes and then
// stalls ends in a TimeoutError once the body makes no progress for the timeout, and a reader that leaves closes the
// socket. Also a request body the server stops reading: the attempt's timeout ends it and closes the socket.

/** Short enough to keep the spec quick, long enough for a busy machine to send a request (there is no timed assertion). */
const TIMEOUT_MS = 500;

describe('streamed answers and bodies that stall (transport/idle-body.ts)', () => {
  let server: StallServer;
  let base: string;
  const client = (timeoutMs: number) => new Uploadcare({ publicKey: 'pk', timeoutMs, retry: { network: { maxRetries: 0 } } });

  beforeEach(async () => {
    server = new StallServer();
    base = await server.start();
  });

  // Streamed answers go through axios, loaded by the first one: loading it must not eat the short timeouts below.
  beforeAll(async () => {
    const warm = new StallServer();
    const response = await firstValueFrom(client(0).request<Readable>({ method: 'GET', url: `${await warm.start()}warm`, responseType: 'stream' }));
    response.body.destroy();
    await warm.close();
  });

  afterEach(() => server.close());

  it('a body that stalls after its headers ends in TimeoutError, and its socket is closed', async () => {
    const response = await firstValueFrom(client(TIMEOUT_MS).request<Readable>({ method: 'GET', url: `${base}file`, responseType: 'stream' }));
    const received: Buffer[] = [];
    const error = await failure(
      (async () => {
        for await (const chunk of response.body) received.push(chunk as Buffer);
      })(),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain('made no progress');
    expect(Buffer.concat(received).toString()).toBe('abc');
    await server.allClosed();
  });

  it('destroying a streamed answer (a reader that leaves) closes its socket, with or without a timeout', async () => {
    for (const timeoutMs of [0, 60_000]) {
      const response = await firstValueFrom(client(timeoutMs).request<Readable>({ method: 'GET', url: `${base}file`, responseType: 'stream' }));
      const first = await new Promise<Buffer>((resolve) => response.body.once('data', resolve));
      expect(first.toString()).toBe('abc');
      response.body.destroy();
      await server.allClosed();
    }
  });

  it('sync\'s download: unsubscribing after the first bytes closes the socket and leaves no file', async () => {
    const dir = tempDir('ucare-stall-');
    const path = join(dir, 'out.bin');
    let firstChunk = (): void => undefined;
    const received = new Promise<void>((resolve) => (firstChunk = resolve));
    const download = downloadTo(client(60_000), `${base}file`, dir, path).subscribe({ next: () => firstChunk() });
    await received;
    // Interrupted later, as Ctrl-C comes: by then the reader is waiting for the bytes the server does not send.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    download.unsubscribe();
    await server.allClosed();
    expect(existsSync(path)).toBeFalse();
    // The temporary file goes asynchronously after the socket: poll for it.
    while (readdirSync(dir).length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  });

  it('sync\'s download from a CDN that stalls ends in TimeoutError, not a wait without end', async () => {
    const dir = tempDir('ucare-stall-');
    const error = await failure(lastValueFrom(downloadTo(client(TIMEOUT_MS), `${base}file`, dir, join(dir, 'out.bin'))));
    expect(error).toBeInstanceOf(TimeoutError);
    await server.allClosed();
    expect(existsSync(join(dir, 'out.bin'))).toBeFalse();
  });

  for (const [kind, body] of [
    ['bytes', () => new Uint8Array(8 * 1024 * 1024)],
    ['a stream', () => Readable.from((function* () { for (let i = 0; i < 128; i++) yield Buffer.alloc(64 * 1024); })())],
  ] as const) {
    it(`a request body of ${kind} the server stops reading ends in TimeoutError, and its socket is closed`, async () => {
      const error = await failure(firstValueFrom(client(TIMEOUT_MS).request({ method: 'PUT', url: `${base}part`, body, responseType: 'text', headers: { 'Content-Length': String(8 * 1024 * 1024) } })));
      expect(error).toBeInstanceOf(TimeoutError);
      server.drainBodies();
      await server.allClosed();
    });
  }
});
