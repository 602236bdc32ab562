import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { File, toFile } from '../../lib/index.js';
import { uploadInLoop } from '../../docs/examples/uploads/for-await-progress.js';
import { uploadFromUrlWithTicks } from '../../docs/examples/uploads/from-url-ticks.js';
import { signatureBackend, uploadSigned } from '../../docs/examples/uploads/signed-uploads.js';
import { uploadDirectory } from '../../docs/examples/uploads/upload-directory.js';
import { UploadService } from '../../docs/examples/uploads/upload-progress-service.js';
import { cdnBytes, emulatorClient, patternBytes } from './support/emulator-control.js';

describe('docs/uploads.md examples', () => {
  let emulator: RunningEmulator;
  let dir: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, projects: [{ requireSignedUploads: false }, { publicKey: 'signedkey', secretKey: 'signedsecret', requireSignedUploads: true }] });
    dir = await mkdtemp(join(tmpdir(), 'rxuc-docs-'));
  });
  afterAll(async () => {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('uploads a directory four at a time', async () => {
    const photos = join(dir, 'photos');
    await mkdir(join(photos, 'nested'), { recursive: true });
    for (let i = 0; i < 6; i++) await writeFile(join(photos, `p${i}.bin`), patternBytes(1000 + i, i));
    const states = await lastValueFrom(uploadDirectory(emulatorClient(emulator.url), photos).pipe(toArray()));
    expect(states.map((state) => state.uploaded)).toEqual([1, 2, 3, 4, 5, 6]);
    const last = states[5]!.last!;
    const i = Number(/p(\d)\.bin/.exec(last.name)![1]);
    const uuid = last.cdnUrl.split('/').slice(-2)[0]!;
    expect(await cdnBytes(emulator.url, uuid)).toEqual(patternBytes(1000 + i, i));
  });

  it('maps upload events to a progress bar state', async () => {
    const service = new UploadService(emulatorClient(emulator.url));
    const states = await lastValueFrom(service.upload(new Blob([patternBytes(5000) as Uint8Array<ArrayBuffer>])).pipe(toArray()));
    expect(states[0]).toEqual({ percent: 0, cdnUrl: null });
    expect(states[states.length - 1]!.percent).toBe(100);
    expect(states[states.length - 1]!.cdnUrl).toMatch(new RegExp(`^${emulator.url}/[0-9a-f-]{36}/$`));
  });

  it('draws progress in a for await loop that skips the ticks a slow draw missed, and returns the file', async () => {
    const bytes = patternBytes(2 * 1024 * 1024, 3);
    const ticks = (await lastValueFrom(File.upload(bytes, {}, emulatorClient(emulator.url)).pipe(toArray()))).length - 1;
    const drawn: number[] = [];
    const slowDraw = async (percent: number): Promise<void> => {
      drawn.push(percent);
      await new Promise((resolve) => setTimeout(resolve, 40));
    };
    const file = await uploadInLoop(emulatorClient(emulator.url), bytes, slowDraw);
    expect(await cdnBytes(emulator.url, file.uuid)).toEqual(bytes);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(ticks);
    expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
  });

  it('logs from-URL ticks and resolves with the CDN URL', async () => {
    const client = emulatorClient(emulator.url);
    const lines: string[] = [];
    const source = await lastValueFrom(File.upload(patternBytes(777), {}, client).pipe(toFile()));
    const cdnUrl = await uploadFromUrlWithTicks(client, source.cdnUrl, (line) => lines.push(line));
    expect(lines[0]).toMatch(/^token /);
    expect(lines[lines.length - 1]).toBe('success 777/777');
    expect(cdnUrl).toMatch(/[0-9a-f-]{36}\/$/);
  });

  it('signs a browser upload through the backend signer', async () => {
    const backend = signatureBackend('signedsecret');
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    try {
      const backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
      const browserClient = emulatorClient(emulator.url, { publicKey: 'signedkey', secretKey: null });
      const file = await uploadSigned(browserClient, new Blob(['signed!']), backendUrl);
      expect(new TextDecoder().decode(await cdnBytes(emulator.url, file.uuid))).toBe('signed!');
    } finally {
      await new Promise((resolve) => backend.close(resolve));
    }
  });
});
