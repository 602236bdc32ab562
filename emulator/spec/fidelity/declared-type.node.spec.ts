import { UploadClient } from '@uploadcare/upload-client';
import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { PNG_3X2, PUBLIC_KEY, postForm } from '../upload/upload-api-helpers.js';

/**
 * The content type an upload declares is kept, as the real service keeps it: PNG bytes declared `image/jpeg` stay
 * `image/jpeg` (their image header is still read). Bytes are recognised only when the declared type is generic.
 */
describe('emulator fidelity: the declared content type', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('keeps image/jpeg declared for PNG bytes, and recognises PNG bytes declared application/octet-stream', async () => {
    const declared = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: PNG_3X2, filename: 'a.jpg', type: 'image/jpeg' } }, emulator.url);
    const generic = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: PNG_3X2, filename: 'b', type: 'application/octet-stream' } }, emulator.url);
    expect(emulator.store.fileByUuid(declared.json['file'] as string)?.mimeType).toBe('image/jpeg');
    expect(emulator.store.fileByUuid(generic.json['file'] as string)?.mimeType).toBe('image/png');
    const served = await fetch(`${emulator.url}/${declared.json['file'] as string}/`);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
  });

  it('reports the declared type to the official client', async () => {
    const client = new UploadClient({ publicKey: PUBLIC_KEY, baseURL: emulator.url, baseCDN: emulator.url });
    const file = await client.uploadFile(Buffer.from(PNG_3X2), { fileName: 'pixel.jpg', contentType: 'image/jpeg' });
    expect(file.mimeType).toBe('image/jpeg');
    expect(file.isImage).toBeTrue();
  });
});
