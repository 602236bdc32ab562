import { execFile } from 'node:child_process';
import { open, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';

const GiB = 1024 * 1024 * 1024;
const MB = 1000 * 1000;

describe('multipart upload memory (a 1 GiB file from disk, in a child process)', () => {
  let emulator: RunningEmulator;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxuc-memory-'));
    // The emulator keeps the blobs on disk, so that only the uploading child's memory is measured and this one stays small.
    emulator = await startEmulator({ port: 0, dataDir: join(dir, 'emulator') });
  });
  afterAll(async () => {
    await emulator?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stays under 150 MB of RSS and lands every byte', async () => {
    const path = join(dir, 'one-gib.bin');
    // A sparse file: 1 GiB of zeros, with a few marked bytes so that misplaced parts show in the size and ends.
    const handle = await open(path, 'w');
    await handle.truncate(GiB);
    await handle.write(Buffer.from('first'), 0, 5, 0);
    await handle.write(Buffer.from('last!'), 0, 5, GiB - 5);
    await handle.close();

    // Bundled to plain JavaScript first: the tsx loader alone would take some 60 MB of the child's memory.
    const child = join(dir, 'upload-path-child.cjs');
    await build({
      entryPoints: [resolve(__dirname, 'support/upload-path-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: child,
      logLevel: 'warning',
    });
    const { stdout } = await promisify(execFile)(process.execPath, [child, emulator.url, path], {
      cwd: resolve(__dirname, '../..'),
      maxBuffer: 1024 * 1024,
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!) as { uuid: string; baselinePeakRss: number; peakRss: number };
    console.log(`\n1 GiB upload: peak RSS ${(result.peakRss / MB).toFixed(1)} MB (${(result.baselinePeakRss / MB).toFixed(1)} MB before the upload)`);
    expect(result.peakRss).toBeLessThan(150 * MB);

    const info = await (await fetch(`${emulator.url}/info/?pub_key=demopublickey&file_id=${result.uuid}`)).json() as { size: number };
    expect(info.size).toBe(GiB);
    const head = await fetch(`${emulator.url}/${result.uuid}/`, { headers: { Range: 'bytes=0-4' } });
    expect(await head.text()).toBe('first');
    const tail = await fetch(`${emulator.url}/${result.uuid}/`, { headers: { Range: `bytes=${GiB - 5}-${GiB - 1}` } });
    expect(await tail.text()).toBe('last!');
  }, 300_000);
});
