import { ClientRequest } from 'node:http';
import { catchError, firstValueFrom, lastValueFrom, of, toArray, type Observable } from 'rxjs';
import type { Uploadcare } from '../../lib/client.js';
import type { AuthScheme } from '../../lib/config.js';
import type { RunningEmulator } from 'rxuploadcare-emulator';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { FileList } from '../../lib/resources/file-list.js';
import { uploadFromUrlSync } from '../../lib/upload/from-url.js';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { chaosClient, chaosEmulator } from './support/emulator.js';
import { recordFigures } from './support/figures.js';
import { reachableText } from '../support/reachable-text.js';

// The secret key, seen from everywhere it could leak: every error (message, properties, JSON, cause chain), every
// console line and every byte written to stdout/stderr (the library's and the emulator's), every URL the emulator
// logged, and every request as it left this process (URL, headers and body bytes). With signed auth it may appear
// nowhere; with `simple` auth (chosen on purpose) only in the Authorization header of REST requests.

const SECRET = 'chaos-Secret-7c4f2a91e0d3';
const PROJECT = { publicKey: 'chaospublickey', secretKey: SECRET };


interface SentRequest {
  readonly path: string;
  readonly headers: Record<string, unknown>;
  bodyHasSecret: boolean;
  bodyBytes: number;
}

describe('chaos: the secret key never leaks', () => {
  let emulator: RunningEmulator;
  const sent: SentRequest[] = [];
  const written: string[] = [];
  const secretBytes = Buffer.from(SECRET);
  // Bodies are written before Node announces a request, so the client request's write/end are wrapped instead.
  const entries = new WeakMap<ClientRequest, SentRequest>();
  const entryOf = (request: ClientRequest): SentRequest => {
    let entry = entries.get(request);
    if (!entry) {
      entry = { path: request.path, headers: request.getHeaders(), bodyHasSecret: false, bodyBytes: 0 };
      entries.set(request, entry);
      sent.push(entry);
    }
    return entry;
  };
  const scan = (request: ClientRequest, chunk: unknown): void => {
    const entry = entryOf(request);
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    entry.bodyBytes += bytes.length;
    if (bytes.includes(secretBytes)) entry.bodyHasSecret = true;
  };
  const prototype = ClientRequest.prototype as unknown as Record<'write' | 'end', (this: ClientRequest, ...args: unknown[]) => unknown>;
  const originalRequest = { write: prototype.write, end: prototype.end };
  const originalWrites = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

  beforeAll(async () => {
    emulator = await chaosEmulator({ projects: [PROJECT] });
    prototype.write = function write(this: ClientRequest, chunk: unknown, ...rest: unknown[]) {
      scan(this, chunk);
      return originalRequest.write.call(this, chunk, ...rest);
    };
    prototype.end = function end(this: ClientRequest, chunk?: unknown, ...rest: unknown[]) {
      scan(this, chunk);
      return originalRequest.end.call(this, chunk, ...rest);
    };
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[method].bind(console);
      spyOn(console, method).and.callFake((...args: unknown[]) => {
        written.push(args.map((arg) => reachableText(arg)).join(' '));
        original(...args);
      });
    }
    process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (originalWrites.out as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (originalWrites.err as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
  });

  afterAll(async () => {
    process.stdout.write = originalWrites.out;
    process.stderr.write = originalWrites.err;
    prototype.write = originalRequest.write;
    prototype.end = originalRequest.end;
    await emulator.close();
  });

  /** Everything a session of a client does, successes and failures, under faults; returns the errors. */
  async function session(client: Uploadcare, wrongKeyClient: Uploadcare): Promise<unknown[]> {
    const errors: unknown[] = [];
    const settle = async (call: Observable<unknown>): Promise<unknown> => {
      try {
        return await lastValueFrom(call.pipe(toArray()));
      } catch (error) {
        errors.push(error);
        return undefined;
      }
    };
    const uploaded = (await settle(uploadFile(new Uint8Array(2048).fill(3), { filename: 'a.bin', signed: true }, client).pipe(toFile()))) as File[] | undefined;
    // A multipart upload whose start or complete POST met a fault is subscribed again (the library never repeats POSTs).
    for (let attempt = 0; attempt < 4; attempt++) {
      if (await settle(uploadFile(new Uint8Array(11 * 1024 * 1024).fill(4), { filename: 'big.bin', signed: true }, client).pipe(toFile()))) break;
    }
    const file = uploaded?.[0] ?? new File('a771f854-c2cb-408a-8c36-71af77811f3b', client);
    await settle(file.info());
    await settle(file.store());
    await settle(file.setMetadata('k', 'v'));
    await settle(file.copy());
    await settle(new FileList({ limit: 5 }, client));
    await settle(FileGroup.create([file], client));
    await settle(uploadFromUrlSync(`${emulator.url}/${file.uuid}/`, { signed: true }, client));
    await settle(new File('a771f854-c2cb-408a-8c36-71af77811f3b', client).info());
    await settle(file.delete());
    await settle(new File(file.uuid, wrongKeyClient).info());
    await settle(uploadFile(new Uint8Array(10), { signed: true }, wrongKeyClient));
    return errors;
  }

  for (const authScheme of ['signed', 'simple'] as AuthScheme[]) {
    it(`${authScheme} auth: not in errors, output, logged URLs, or requests${authScheme === 'simple' ? ' (but its own REST header)' : ''}`, async () => {
      sent.length = 0;
      written.length = 0;
      emulator.requests.reset();
      emulator.faults.set({
        seed: 77,
        rules: [
          { kind: 'latency', latencyMs: 1, jitterMs: 10 },
          { kind: 'throttle', rate: 0.15, retryAfterSeconds: 0 },
          { kind: 'error', status: 503, rate: 0.1 },
          { kind: 'drop', rate: 0.05 },
        ],
      });
      const options = { publicKey: PROJECT.publicKey, secretKey: SECRET, authScheme, retry: { throttled: { maxRetries: 1, baseMs: 5 }, network: { maxRetries: 1, baseMs: 5 } } };
      const client = chaosClient(emulator, options);
      const wrongKeyClient = chaosClient(emulator, { ...options, publicKey: 'nosuchkey' });
      const errors = await session(client, wrongKeyClient);
      // One more failure of each kind without faults' luck: a 404 and a 401 are certain.
      emulator.faults.clear();
      errors.push(await firstValueFrom(new File('a771f854-c2cb-408a-8c36-71af77811f3b', client).info().pipe(catchError((e: unknown) => of(e)))));
      errors.push(await firstValueFrom(new FileList({}, wrongKeyClient).pipe(catchError((e: unknown) => of(e)))));

      expect(errors.length).toBeGreaterThan(3);
      expect(errors.filter((error) => reachableText(error).includes(SECRET)).map(String)).toEqual([]);
      expect(written.filter((line) => line.includes(SECRET))).toEqual([]);
      expect(emulator.requests.list().filter((entry) => entry.url.includes(SECRET)).map((entry) => entry.url)).toEqual([]);
      expect(sent.filter((request) => request.path.includes(SECRET) || request.bodyHasSecret).map((request) => request.path)).toEqual([]);
      const inHeaders = sent.filter((request) => Object.values(request.headers).some((value) => String(value).includes(SECRET)));
      if (authScheme === 'signed') {
        expect(inHeaders.map((request) => request.path)).toEqual([]);
      } else {
        // Only as `Authorization: Uploadcare.Simple`, and never to the Upload API (which has no use for it).
        for (const request of inHeaders) {
          expect(String(request.headers['authorization'])).toBe(`Uploadcare.Simple ${request.headers['authorization'] === undefined ? '' : String(request.headers['authorization']).split(' ')[1]}`);
          expect(Object.entries(request.headers).filter(([, value]) => String(value).includes(SECRET)).map(([name]) => name)).toEqual(['authorization']);
          expect(request.path).not.toMatch(/^\/(base|multipart|from_url|group|info)\//);
        }
      }
      await recordFigures(`secrets-${authScheme}`, {
        title: `The secret key with ${authScheme} auth`,
        figures: {
          'requests inspected (URL, headers, body)': sent.length,
          'body bytes scanned': sent.reduce((sum, request) => sum + request.bodyBytes, 0),
          'errors inspected': errors.length,
          'output lines inspected': written.length,
          'secret in errors / output / URLs / bodies': `${errors.filter((e) => reachableText(e).includes(SECRET)).length} / ${written.filter((l) => l.includes(SECRET)).length} / ${sent.filter((r) => r.path.includes(SECRET)).length} / ${sent.filter((r) => r.bodyHasSecret).length}`,
          'secret in headers': authScheme === 'signed' ? inHeaders.length : `${inHeaders.length} (Authorization of REST requests only, by design of simple auth)`,
        },
      });
    }, 60_000);
  }
});
