import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { lastValueFrom, toArray } from 'rxjs';
import { InvalidParamError, UploadError } from '../../lib/errors.js';
import { md5Hex } from '../../lib/transport/crypto.js';
import type { UploadInput } from '../../lib/upload/source.js';
import { fromPath } from '../../lib/upload/node/from-path.js';
import { fromStream } from '../../lib/upload/node/from-stream.js';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { testEnv } from '../support/test-env.js';
import { cdnBytes, emulatorClient, lastRequestId, patternBytes, requestsSince } from './support/emulator-control.js';

const MiB = 1024 * 1024;

/** A stream yielding `bytes` in chunks of `chunk` bytes. */
function chunked(bytes: Uint8Array, chunk = 64 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += chunk) yield Buffer.from(bytes.subarray(at, at + chunk));
    })(),
  );
}

describe('Node upload sources', () => {
  const base = () => testEnv().emulatorUrl;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxuc-upload-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function rejectedBeforeAnyRequest(upload: () => Promise<unknown>, type: typeof InvalidParamError | typeof UploadError, message: RegExp): Promise<void> {
    const since = await lastRequestId(base());
    const error = await upload().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    if (type === InvalidParamError) expect(await requestsSince(base(), since)).toEqual([]);
  }

  describe('fromPath', () => {
    it('uploads a small file by its base name', async () => {
      const path = join(dir, 'small.txt');
      const bytes = patternBytes(4321);
      await writeFile(path, bytes);
      const file = await lastValueFrom(uploadFile(fromPath(path), { contentType: 'text/plain' }, emulatorClient(base())).pipe(toFile()));
      const info = await lastValueFrom(file.info());
      expect(info.original_filename).toBe('small.txt');
      expect(info.mime_type).toBe('text/plain');
      expect(md5Hex(await cdnBytes(base(), file.uuid))).toBe(md5Hex(bytes));
    });

    it('uploads a large file multipart, reading each part from disk, with progress to the size', async () => {
      const path = join(dir, 'large.bin');
      const bytes = patternBytes(17 * MiB + 3);
      await writeFile(path, bytes);
      const events = await lastValueFrom(uploadFile(fromPath(path), {}, emulatorClient(base())).pipe(toArray()));
      const last = events[events.length - 1]!;
      if (last.type !== 'complete') throw new Error('no complete event');
      expect(events[events.length - 2]).toEqual({ type: 'progress', done: 17 * MiB + 3, total: 17 * MiB + 3 });
      expect(md5Hex(await cdnBytes(base(), last.file.uuid))).toBe(md5Hex(bytes));
    });

    it('reads each range as a stream of exactly its bytes, and fails with an UploadError when the file got shorter', async () => {
      const path = join(dir, 'shrinking.bin');
      const bytes = patternBytes(300_000);
      await writeFile(path, bytes);
      const source = await lastValueFrom(fromPath(path).open());
      expect(source.size).toBe(300_000);
      const middle = (await lastValueFrom(source.read(100_000, 250_000)))() as Readable;
      expect(Buffer.concat(await middle.toArray())).toEqual(Buffer.from(bytes.subarray(100_000, 250_000)));
      await truncate(path, 200_000);
      const cut = (await lastValueFrom(source.read(100_000, 250_000)))() as Readable;
      await expectAsync(cut.toArray()).toBeRejectedWithError(UploadError, /shorter than when the upload began \(100000 of 150000 bytes/);
    });

    it('refuses a directory, a missing path and an empty file before any request', async () => {
      const client = emulatorClient(base());
      const empty = join(dir, 'empty.bin');
      await writeFile(empty, new Uint8Array(0));
      await rejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(fromPath(dir), {}, client)), InvalidParamError, /directory/);
      await rejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(fromPath(join(dir, 'missing')), {}, client)), InvalidParamError, /ENOENT/);
      await rejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(fromPath(empty), {}, client)), InvalidParamError, /empty/);
    });
  });

  describe('fromStream', () => {
    it('uploads a stream of known size, small or multipart', async () => {
      const client = emulatorClient(base());
      for (const size of [1000, 12 * MiB + 5]) {
        const bytes = patternBytes(size, size);
        const file = await lastValueFrom(uploadFile(fromStream(chunked(bytes), { size, name: 'stream.bin' }), {}, client).pipe(toFile()));
        expect(md5Hex(await cdnBytes(base(), file.uuid))).withContext(`size ${size}`).toBe(md5Hex(bytes));
        expect((await lastValueFrom(file.info())).original_filename).toBe('stream.bin');
      }
    });

    it('refuses a stream without a size, and a bare Readable, before any request', async () => {
      const client = emulatorClient(base());
      const stream = chunked(patternBytes(10));
      await rejectedBeforeAnyRequest(
        () => lastValueFrom(uploadFile(fromStream(stream, {} as { size: number }), {}, client)),
        InvalidParamError,
        /size/,
      );
      await rejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(stream as unknown as UploadInput, {}, client)), InvalidParamError, /unknown size/);
    });

    it('fails with an UploadError when the stream ends early or runs long', async () => {
      const client = emulatorClient(base());
      const short = fromStream(chunked(patternBytes(900)), { size: 1000 });
      await rejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(short, {}, client)), UploadError, /ended after 900 bytes/);
      const long = fromStream(chunked(patternBytes(1100)), { size: 1000 });
      await rejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(long, {}, client)), UploadError, /more than the 1000 bytes/);
    });
  });
});
