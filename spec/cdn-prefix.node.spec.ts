import { uploadFile } from '@uploadcare/upload-client';
import { defaultCdnBase } from '../lib/cdn-base.js';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { builtCli, lines, runCli, tempDir, useCliTimeout } from './cli/support/built-cli.js';
import { addFile } from '../emulator/spec/rest/support/fixtures.js';

/**
 * The prefixed CDN base (`https://<prefix>.ucarecd.net/`) computed here matches what the official upload client
 * (6.21.0) computes for the same public key; the CLI reads a file by a URL of either CDN.
 */
describe('emulator fidelity: per-project CDN subdomains', () => {
  useCliTimeout();
  const keys = ['demopublickey', 'a771f854c2cb408a8c36', 'x', 'b2c3d4e5f6a7b8c9d0e1', 'demopublickey2', 'Z'.repeat(64)];
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, projects: keys.map((publicKey) => ({ publicKey, secretKey: 'secret' })) });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('computes the base the official client gives cdnUrl when no baseCDN is set', async () => {
    for (const publicKey of keys) {
      const file = await uploadFile(Buffer.from('a'), { publicKey, baseURL: emulator.url, fileName: 'a.txt' });
      expect(defaultCdnBase(publicKey)).withContext(publicKey).toBe(`${new URL(file.cdnUrl).origin}/`);
    }
  });

  it('lets the CLI get a file by its prefixed or legacy CDN URL', async () => {
    await builtCli();
    const demo = await startEmulator({ port: 0 });
    try {
      const file = await addFile(demo);
      for (const base of ['https://1s4oyld5dc.ucarecd.net/', 'https://ucarecdn.com/']) {
        const run = await runCli(['--api_base', `${demo.url}/`, '--json', 'get', `${base}${file.uuid}/-/resize/10x/`], { cwd: tempDir() });
        expect(run.code).withContext(run.stderr).toBe(0);
        expect((JSON.parse(lines(run.stdout)[0] ?? '{}') as { uuid?: string }).uuid).withContext(base).toBe(file.uuid);
      }
    } finally {
      await demo.close();
    }
  }, 180_000);

});
