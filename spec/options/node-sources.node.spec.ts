import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { firstValueFrom } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { InvalidParamError, UnknownOptionError, UploadcareException } from '../../lib/errors.js';
import { fromPath } from '../../lib/upload/node/from-path.js';
import { fromStream } from '../../lib/upload/node/from-stream.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { requestLog, resetScript, scriptBase } from '../transport/script.js';

// Issue 13 item 10 and issue 12 for the Node-only sources: garbage in any argument of fromPath and fromStream is an
// InvalidParamError (an unknown description key an UnknownOptionError), never a TypeError, before any request.

describe('Node sources: argument checking', () => {
  let dir: string;
  let path: string;
  let client: Uploadcare;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxuc-options-'));
    path = join(dir, 'a.txt');
    await writeFile(path, 'abc');
    client = new Uploadcare({ publicKey: 'pk', uploadBase: scriptBase(), retry: { network: { maxRetries: 0 } } });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** 'invalid' for an InvalidParamError, 'typed' for another UploadcareException or a success; anything else throws. */
  async function outcome(act: () => unknown): Promise<'invalid' | 'typed'> {
    try {
      const result = act();
      if (result !== undefined) await firstValueFrom(result as never, { defaultValue: undefined });
      return 'typed';
    } catch (error) {
      if (error instanceof InvalidParamError) return 'invalid';
      if (error instanceof UploadcareException) return 'typed';
      throw error;
    }
  }

  it('fromPath(p, null) and fromStream(s, null) are InvalidParamErrors (TypeErrors before)', async () => {
    await resetScript();
    expect(await outcome(() => uploadFile(fromPath(path, null as never), {}, client))).toBe('invalid');
    expect(await outcome(() => uploadFile(fromStream(Readable.from([Buffer.from('abc')]), null as never), {}, client))).toBe('invalid');
    await expectAsync(firstValueFrom(uploadFile(fromPath(path, { nmae: 'b.txt' } as never), {}, client))).toBeRejectedWith(jasmine.any(UnknownOptionError));
    await expectAsync(firstValueFrom(uploadFile(fromStream(Readable.from([Buffer.from('abc')]), { size: 3, sise: 3 } as never), {}, client))).toBeRejectedWith(
      jasmine.any(UnknownOptionError),
    );
    expect(await requestLog()).toEqual([]);
  });

  it('garbage in any argument of fromPath or fromStream: InvalidParamError before any request, never a TypeError (property)', async () => {
    const garbage = fc.oneof(fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withTypedArray: true }), fc.constant(null), fc.string());
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('path', 'description', 'stream', 'size'), garbage, async (position, value) => {
        await resetScript();
        const source =
          position === 'path' ? fromPath(value as never) :
          position === 'description' ? fromPath(path, value as never) :
          position === 'stream' ? fromStream(value as never, { size: 3 }) :
          fromStream(Readable.from([Buffer.from('abc')]), value as never);
        const result = await outcome(() => uploadFile(source, {}, client));
        if (result === 'invalid') expect(await requestLog()).toEqual([]);
      }),
      { numRuns: 200, seed: 1013 },
    );
  }, 60_000);
});
