import { UploadClient } from '@uploadcare/upload-client';
import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { addFile } from '../rest/support/fixtures.js';
import { PUBLIC_KEY, patternBytes, postForm } from '../upload/upload-api-helpers.js';

/**
 * A project that does not require signed uploads ignores a signature, however expired or wrong: pyuploadcare's
 * recordings show the real service accepting its 4.0–4.1 default `expire=60` (1970). Projects that require signatures
 * still check them (spec/emulator/upload/signed-uploads.node.spec.ts).
 */
describe('emulator fidelity: signatures on a project that does not require them', () => {
  let emulator: RunningEmulator;
  const expired = { expire: '60', signature: '7d2e71d1843788a02d0c7fe6f5d71edf657363a369112e78d4f37ace3f884b00' };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('accepts a direct upload and a group with expire=60 and a signature of another secret', async () => {
    const upload = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, ...expired, file: { bytes: patternBytes(8), filename: 'a.bin' } }, emulator.url);
    expect(upload.json['error']).toBeUndefined();
    expect(upload.json['file']).toMatch(/^[0-9a-f-]{36}$/);
    const file = await addFile(emulator);
    const group = await postForm('/group/?jsonerrors=1', { pub_key: PUBLIC_KEY, ...expired, 'files[0]': file.uuid }, emulator.url);
    expect(group.json['error']).toBeUndefined();
    expect(group.json['files_count']).toBe(1);
  });

  it('lets the official client upload with an expired secureSignature', async () => {
    const client = new UploadClient({ publicKey: PUBLIC_KEY, baseURL: emulator.url, baseCDN: emulator.url, secureSignature: expired.signature, secureExpire: expired.expire });
    const uploaded = await client.uploadFile(Buffer.from('unsigned project'), { fileName: 'a.txt' });
    expect(uploaded.size).toBe(16);
  });
});
