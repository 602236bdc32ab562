import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import type { MemoryBlobStore } from '../../lib/state/blob-store.js';
import { CliUsageError, parseCli } from '../../lib/cli-args.js';
import { EmulatorOptionError } from '../../lib/options.js';
import { DEFAULT_UPLOAD_LIMITS } from '../../lib/upload/limits.js';
import { SLOW_SPEC_MS } from '../ops/support.js';
import { PUBLIC_KEY, postForm, waitForFromUrl } from './upload-api-helpers.js';

// Issue 13, item 5: one request must not make the emulator hold what its client declares or sends without bound.
// "Refused before the body is read" is proven by behaviour: the answer arrives while the client is still sending
// (the body is never finished), at modest sizes.

const BOUNDARY = 'limits-spec-boundary';
const FORM_TYPE = `multipart/form-data; boundary=${BOUNDARY}`;
const fieldPart = (name: string, value: string): Buffer =>
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
const fileHead = (name: string): Buffer =>
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`);
const CRLF = Buffer.from('\r\n');

interface EarlyAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  /** Bytes of the body written when the answer arrived (the body is never finished). */
  readonly sent: number;
}

/**
 * POSTs `parts` (written one after the other, with backpressure) and never ends the body: resolves with the answer,
 * which therefore came before the client finished sending. Gives up (fails) when all parts went out unanswered.
 */
async function answerWhileSending(url: string, parts: Iterable<Buffer>): Promise<EarlyAnswer> {
  // The server answers, then closes a connection whose body it will not read; on a busy machine the client's next write
  // can fail (EPIPE, ECONNRESET) before its parser hands over the answer, which is then lost on this side only.
  // That exchange proves nothing either way, so it is tried again (with the same parts).
  const all = [...parts];
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(url, all);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 3 || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw error;
    }
  }
}

function sendOnce(url: string, parts: Iterable<Buffer>): Promise<EarlyAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers: { 'Content-Type': FORM_TYPE }, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>, sent });
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const iterator = parts[Symbol.iterator]();
    const writeNext = (): void => {
      if (answered) return;
      const next = iterator.next();
      if (next.done) {
        // Everything went out, nothing came back: the emulator waits for a body end that never comes.
        setTimeout(() => answered || (req.destroy(), reject(new Error(`No answer while sending (${sent} bytes sent)`))), SLOW_SPEC_MS / 2);
        return;
      }
      sent += next.value.length;
      if (req.write(next.value)) setImmediate(writeNext);
      else req.once('drain', writeNext);
    };
    writeNext();
  });
}

function* repeat(count: number, part: (i: number) => Buffer): Generator<Buffer> {
  for (let i = 0; i < count; i++) yield part(i);
}

/** A `jsonerrors=1` refusal's status and code, as its envelope gives them (its HTTP status is 200, as at the real service). */
const refusal = (answer: EarlyAnswer): unknown[] => {
  const error = answer.body['error'] as Record<string, unknown> | undefined;
  return [answer.status, error?.['status_code'], error?.['error_code']];
};

describe('emulator Upload API limits', () => {
  let emulator: RunningEmulator;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxuc-limits-'));
    emulator = await startEmulator({ port: 0, dataDir: dir, limits: { directUploadBytes: 1024 * 1024, maxFileSize: 64 * 1024 * 1024 } });
  });

  afterAll(async () => {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  const base = (): string => `${emulator.url}/base/?jsonerrors=1`;
  /** Blobs on disk that no file owns: what a refused upload left behind. */
  const leftBlobs = async (): Promise<string[]> => {
    const owned = new Set(emulator.store.filesOf(PUBLIC_KEY).map((file) => file.blobId));
    return (await readdir(join(dir, 'blobs'))).filter((id) => !owned.has(id));
  };

  it('defaults to the limits the real service documents', () => {
    expect(DEFAULT_UPLOAD_LIMITS.directUploadBytes).toBe(100 * 1024 * 1024);
    expect(DEFAULT_UPLOAD_LIMITS.maxFileSize).toBe(5 * 1024 * 1024 * 1024 * 1024);
    expect(DEFAULT_UPLOAD_LIMITS.multipartParts).toBe(10_000);
  });

  it('takes limits from the command line and refuses unknown or invalid ones', async () => {
    const command = parseCli(['--limit', 'maxFileSize=1048576', '--limit', 'formFiles=3']);
    expect(command.kind === 'run' ? command.options.limits : undefined).toEqual({ maxFileSize: 1048576, formFiles: 3 });
    expect(() => parseCli(['--limit', 'fileSize=1'])).toThrowError(CliUsageError, /NAME one of directUploadBytes/);
    expect(() => parseCli(['--limit', 'formFiles=0'])).toThrowError(CliUsageError);
    await expectAsync(startEmulator({ port: 0, limits: { formFields: -1 } })).toBeRejectedWithError(EmulatorOptionError, /limits.formFields/);
  });

  describe('POST /base/', () => {
    it('refuses fields beyond the field bytes limit (2.5 MiB) at once, whatever their number', async () => {
      const answer = await answerWhileSending(base(), repeat(600, (i) => fieldPart(`field${i}`, 'x'.repeat(256 * 1024))));
      expect(refusal(answer)).toEqual([200, 413, 'RequestSizeLimitExceededError']);
    }, SLOW_SPEC_MS);

    it('refuses more fields than the field count limit', async () => {
      const answer = await answerWhileSending(base(), repeat(DEFAULT_UPLOAD_LIMITS.formFields + 500, (i) => fieldPart(`f${i}`, '1')));
      expect(refusal(answer)).toEqual([200, 400, 'RequestFiledsNumberLimitExceededError']);
    }, SLOW_SPEC_MS);

    it('refuses files together above the direct upload limit as soon as they pass it, keeping none', async () => {
      const file = Buffer.alloc(256 * 1024, 1);
      const parts = repeat(40, (i) => Buffer.concat([fileHead(`file${i}`), file, CRLF]));
      const answer = await answerWhileSending(base(), parts);
      expect(refusal(answer)).toEqual([200, 413, 'RequestSizeLimitExceededError']);
      expect(await leftBlobs()).toEqual([]);
    }, SLOW_SPEC_MS);

    it('refuses one file above the direct upload limit with FileSizeLimitExceededError', async () => {
      const chunk = Buffer.alloc(64 * 1024, 2);
      const answer = await answerWhileSending(base(), [fieldPart('UPLOADCARE_PUB_KEY', PUBLIC_KEY), fileHead('file'), ...repeat(64, () => chunk)]);
      expect(refusal(answer)).toEqual([200, 400, 'FileSizeLimitExceededError']);
      expect(await leftBlobs()).toEqual([]);
    }, SLOW_SPEC_MS);

    it('refuses a wrong key given ahead of the file before reading the file', async () => {
      const chunk = Buffer.alloc(64 * 1024, 3);
      const answer = await answerWhileSending(base(), [fieldPart('UPLOADCARE_PUB_KEY', 'nosuchkey'), fileHead('file'), ...repeat(12, () => chunk)]);
      expect(refusal(answer)).toEqual([200, 403, 'ProjectPublicKeyInvalidError']);
      expect(await leftBlobs()).toEqual([]);
    }, SLOW_SPEC_MS);

    it('refuses a wrong key in the query before reading the body', async () => {
      const chunk = Buffer.alloc(64 * 1024, 4);
      const answer = await answerWhileSending(`${emulator.url}/base/?jsonerrors=1&UPLOADCARE_PUB_KEY=nosuchkey`, [fileHead('file'), ...repeat(12, () => chunk)]);
      expect(refusal(answer)).toEqual([200, 403, 'ProjectPublicKeyInvalidError']);
    }, SLOW_SPEC_MS);

    it('still takes uploads after the refusals', async () => {
      const answer = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: new Uint8Array(8), filename: 'ok.bin' } }, emulator.url);
      expect(answer.status).toBe(200);
    });
  });

  describe('POST /multipart/start/', () => {
    const start = (fields: Record<string, string>) =>
      postForm('/multipart/start/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, filename: 'big.bin', ...fields }, emulator.url);

    it('refuses a declared size above the file size limit without allocating anything for it', async () => {
      const answer = await start({ size: '1000000000000000' });
      expect(answer.status).toBe(200);
      expect(answer.json['error']).toEqual(jasmine.objectContaining({ status_code: 400, error_code: 'FileSizeLimitExceededError' }));
    });

    it('answers a file of the largest size with no more part URLs than the part limit', async () => {
      const defaults = await startEmulator({ port: 0 });
      try {
        const size = DEFAULT_UPLOAD_LIMITS.maxFileSize;
        const answer = await postForm('/multipart/start/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, filename: 'f.bin', size: String(size) }, defaults.url);
        expect(answer.status).toBe(200);
        expect((answer.json['parts'] as string[]).length).toBe(DEFAULT_UPLOAD_LIMITS.multipartParts);
      } finally {
        await defaults.close();
      }
    });

    it('answers at most the part count limit of part URLs, growing the default part size to fit', async () => {
      const limited = await startEmulator({ port: 0, limits: { multipartParts: 4 } });
      try {
        const size = 64 * 1024 * 1024;
        const fitted = await postForm('/multipart/start/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, filename: 'f.bin', size: String(size) }, limited.url);
        expect(fitted.status).toBe(200);
        expect((fitted.json['parts'] as string[]).length).toBe(4);
        const tooSmall = await postForm(
          '/multipart/start/?jsonerrors=1',
          { UPLOADCARE_PUB_KEY: PUBLIC_KEY, filename: 'f.bin', size: String(size), part_size: String(5 * 1024 * 1024) },
          limited.url,
        );
        expect(tooSmall.status).toBe(200);
        expect(tooSmall.json['error']).toEqual(jasmine.objectContaining({ status_code: 400, error_code: 'MultipartPartSizeTooSmallError', content: `Multipart Upload Part Size can not be less than ${size / 4} bytes.` }));
      } finally {
        await limited.close();
      }
    });
  });

  describe('POST /from_url/', () => {
    let source: Server;
    let sourceUrl: string;

    beforeAll(async () => {
      source = createServer((req, res) => {
        // 80 MiB: above the 64 MiB file size limit of this emulator. Declared, it is refused at once; undeclared,
        // it is cut once the limit is passed. The source writes as fast as it is read, so nothing waits on time.
        const declared = req.url === '/declared';
        res.writeHead(200, declared ? { 'Content-Length': String(80 * 1024 * 1024) } : {});
        const chunk = Buffer.alloc(1024 * 1024, 5);
        let left = 80;
        const pump = (): void => {
          while (left > 0 && !res.destroyed) {
            left--;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => (left = 0));
        pump();
      });
      await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
      sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      source.closeAllConnections();
      await new Promise((resolve) => source.close(resolve));
    });

    for (const path of ['/declared', '/undeclared']) {
      it(`fails a source above the file size limit (${path.slice(1)} size) and keeps none of it`, async () => {
        const answer = await postForm('/from_url/?jsonerrors=1', { pub_key: PUBLIC_KEY, source_url: `${sourceUrl}${path}` }, emulator.url);
        expect(answer.status).toBe(200);
        const states = await waitForFromUrl(answer.json['token'] as string, emulator.url);
        expect(states[states.length - 1]).toEqual({ status: 'error', error: 'File is too large.', error_code: 'FileSizeLimitExceededError' });
        expect(await leftBlobs()).toEqual([]);
      });
    }
  });

  describe('in memory (no --data-dir)', () => {
    it('holds no more file bytes than memoryStoreBytes: uploads beyond are refused and keep nothing', async () => {
      const capacity = 1024 * 1024;
      const small = await startEmulator({ port: 0, limits: { memoryStoreBytes: capacity } });
      const source = createServer((_req, res) => res.writeHead(200).end(Buffer.alloc(2 * capacity, 6)));
      await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
      const held = (): number => (small.store.blobs as MemoryBlobStore).bytes;
      try {
        const upload = () => postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: new Uint8Array(600 * 1024), filename: 'f.bin' } }, small.url);
        expect((await upload()).status).toBe(200);
        const refused = await upload();
        expect([refused.status, refused.json['error']]).toEqual([200, jasmine.objectContaining({ status_code: 413, error_code: 'RequestSizeLimitExceededError' })]);
        expect(held()).toBe(600 * 1024);
        const started = await postForm('/from_url/?jsonerrors=1', { pub_key: PUBLIC_KEY, source_url: `http://127.0.0.1:${(source.address() as AddressInfo).port}/big.bin` }, small.url);
        const states = await waitForFromUrl(started.json['token'] as string, small.url);
        expect(states[states.length - 1]).toEqual({ status: 'error', error: 'File is too large.', error_code: 'FileSizeLimitExceededError' });
        expect(held()).toBe(600 * 1024);
      } finally {
        source.closeAllConnections();
        await new Promise((resolve) => source.close(resolve));
        await small.close();
      }
    });
  });
});
