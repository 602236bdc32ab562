import { createHmac } from 'node:crypto';
import { UploadClient } from '@uploadcare/upload-client';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { getJson, patternBytes, postForm } from './upload-api-helpers.js';

const project = { publicKey: 'signedpublickey', secretKey: 'signedsecretkey', requireSignedUploads: true };
const sign = (expire: number, secret = project.secretKey): string => createHmac('sha256', secret).update(String(expire)).digest('hex');

describe('emulator signed uploads', () => {
  let emulator: RunningEmulator;
  const file = { bytes: patternBytes(10), filename: 'a.bin' };
  const future = (): number => Math.floor(Date.now() / 1000) + 600;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, projects: [project] });
  });

  afterAll(async () => {
    await emulator.close();
  });

  async function base(fields: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
    return postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: project.publicKey, ...fields, file }, emulator.url);
  }

  it('accepts hex HMAC-SHA256(secret, expire) with a future expire', async () => {
    const expire = future();
    const answer = await base({ signature: sign(expire), expire: String(expire) });
    expect(answer.status).toBe(200);
    expect(answer.json['file']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses missing, malformed, expired and wrong signatures with the real errors', async () => {
    const expire = future();
    const past = Math.floor(Date.now() / 1000) - 1;
    const cases: [Record<string, string>, number, string, string][] = [
      [{}, 400, 'SignatureRequiredError', '`signature` is required.'],
      [{ signature: sign(expire) }, 400, 'SignatureExpirationRequiredError', '`expire` is required.'],
      [{ signature: sign(expire), expire: 'soon' }, 400, 'SignatureExpirationInvalidError', '`expire` must be a UNIX timestamp.'],
      [{ signature: sign(past), expire: String(past) }, 403, 'SignatureExpirationError', 'Expired signature.'],
      [{ signature: sign(expire, 'othersecret'), expire: String(expire) }, 403, 'SignatureInvalidError', 'Invalid signature.'],
    ];
    for (const [fields, status, code, content] of cases) {
      const answer = await base(fields);
      expect(answer.status).withContext(code).toBe(200);
      expect(answer.json).withContext(code).toEqual({ error: { status_code: status, content, error_code: code } });
    }
  });

  it('checks signatures on multipart start, from_url and group too, not on info', async () => {
    const start = await postForm('/multipart/start/?jsonerrors=1', { UPLOADCARE_PUB_KEY: project.publicKey, filename: 'f', size: String(11 * 1024 * 1024) }, emulator.url);
    expect((start.json['error'] as { error_code: string }).error_code).toBe('SignatureRequiredError');
    const fromUrl = await postForm('/from_url/?jsonerrors=1', { pub_key: project.publicKey, source_url: `${emulator.url}/x` }, emulator.url);
    expect((fromUrl.json['error'] as { error_code: string }).error_code).toBe('SignatureRequiredError');
    const group = await postForm('/group/?jsonerrors=1', { pub_key: project.publicKey, 'files[]': '00000000-0000-4000-8000-000000000000' }, emulator.url);
    expect((group.json['error'] as { error_code: string }).error_code).toBe('SignatureRequiredError');
    const info = await getJson('/info/', { pub_key: project.publicKey, file_id: '00000000-0000-4000-8000-000000000000', jsonerrors: '1' }, emulator.url);
    expect((info.json['error'] as { error_code: string }).error_code).toBe('FileNotFoundError');
  });

  it('lets the official client upload with secureSignature/secureExpire', async () => {
    const expire = future();
    const client = new UploadClient({
      publicKey: project.publicKey,
      baseURL: emulator.url,
      baseCDN: emulator.url,
      secureSignature: sign(expire),
      secureExpire: String(expire),
    });
    const uploaded = await client.uploadFile(Buffer.from('signed bytes'), { fileName: 'signed.txt' });
    expect(uploaded.size).toBe(12);
    await expectAsync(new UploadClient({ publicKey: project.publicKey, baseURL: emulator.url }).uploadFile(Buffer.from('x'))).toBeRejectedWith(
      jasmine.objectContaining({ code: 'SignatureRequiredError' }),
    );
  });
});
