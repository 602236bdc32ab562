import { UploadClient } from '@uploadcare/upload-client';
import { testEnv } from '../../../spec/support/test-env.js';
import { getJson, patternBytes, postForm } from '../upload/upload-api-helpers.js';

/**
 * `jsonerrors=1` asks the Upload API for HTTP 200 with the error envelope, as the real service answers (and the official
 * upload client's own mock server): its browser transport rejects any other status with a bare `Error 403`, losing the
 * error code. In browsers (Karma) the official client below shows it; in Node the raw answers do.
 */
describe('emulator fidelity: Upload API errors with jsonerrors=1', () => {
  const unknownKey = 'nosuchpublickey';

  it('answers HTTP 200 with the envelope, the error status inside; without jsonerrors the status and text', async () => {
    const file = { bytes: patternBytes(4), filename: 'a.bin' };
    const json = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: unknownKey, file });
    expect(json.status).toBe(200);
    expect(json.json).toEqual({ error: { status_code: 403, content: 'UPLOADCARE_PUB_KEY is invalid.', error_code: 'ProjectPublicKeyInvalidError' } });
    const info = await getJson('/info/', { pub_key: 'demopublickey', file_id: '00000000-0000-4000-8000-000000000000', jsonerrors: '1' });
    expect([info.status, info.json['error']]).toEqual([200, jasmine.objectContaining({ status_code: 404, error_code: 'FileNotFoundError' })]);
    const text = await postForm('/base/', { UPLOADCARE_PUB_KEY: unknownKey, file });
    expect([text.status, text.json]).toEqual([403, { text: 'UPLOADCARE_PUB_KEY is invalid.' }]);
  });

  it('lets the official client (its browser transport too) read the error code', async () => {
    const client = new UploadClient({ publicKey: unknownKey, baseURL: testEnv().emulatorUrl, retryNetworkErrorMaxTimes: 0 });
    await expectAsync(client.info('00000000-0000-4000-8000-000000000000')).toBeRejectedWith(jasmine.objectContaining({ code: 'ProjectPublicKeyInvalidError' }));
  });
});
