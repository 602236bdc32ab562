import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lastValueFrom } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { DEMO_PROJECT, startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { builtCli, spawnCli, tempDir, useCliTimeout } from '../cli/support/built-cli.js';
import { StallServer } from './support/stall-server.js';

// `ucare sync` from a CDN that sends headers and 3 bytes, then stalls (issue 13, item 3): SIGTERM or SIGINT in the
// middle of the download ends the process (it used to print "interrupted" and stay, its socket open, until SIGKILL).

/** The bytes the download has written so far (its temporary file), or -1 before it exists. */
function partialBytes(dir: string): number {
  const part = readdirSync(dir).find((name) => name.endsWith('.part'));
  return part === undefined ? -1 : statSync(join(dir, part)).size;
}

describe('ucare sync interrupted during a stalled download', () => {
  useCliTimeout();
  let emulator: RunningEmulator;
  let uuid: string;

  beforeAll(async () => {
    await builtCli();
    emulator = await startEmulator({ port: 0 });
    const client = new Uploadcare({ publicKey: DEMO_PROJECT.publicKey, secretKey: DEMO_PROJECT.secretKey, restBase: `${emulator.url}/`, uploadBase: `${emulator.url}/` });
    uuid = (await lastValueFrom(uploadFile(new TextEncoder().encode('never fully downloaded'), { store: true, filename: 'x.txt' }, client).pipe(toFile()))).uuid;
  }, 300_000);

  afterAll(() => emulator?.close());

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} ends the process (exit 130) and closes the download's socket`, async () => {
      const cdn = new StallServer();
      const cdnBase = await cdn.start();
      const dir = tempDir('ucare-stall-sync-');
      const child = await spawnCli(['--api_base', `${emulator.url}/`, '--cdn_base', cdnBase, 'sync', dir, '--uuids', uuid]);
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      // The 3 bytes are on disk: the download is waiting for bytes that will not come.
      while (partialBytes(dir) < 3) await new Promise((resolve) => setTimeout(resolve, 20));
      child.kill(signal);
      expect(await exited).toBe(130);
      await cdn.allClosed();
      await cdn.close();
    });
  }
});
