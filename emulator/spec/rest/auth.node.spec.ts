import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { addFile } from './support/fixtures.js';
import { contractErrors } from './support/openapi.js';
import { rest, type RestRequest } from './support/signed-fetch.js';

const MINUTE = 60_000;

describe('emulator REST authentication', () => {
  let emulator: RunningEmulator;
  const other = { publicKey: 'otherpublickey', secretKey: 'othersecretkey' };

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      projects: [{ publicKey: 'demopublickey', secretKey: 'demosecretkey' }, other],
    });
  });

  afterAll(async () => {
    await emulator.close();
  });

  async function expect401(request: RestRequest, detail: string): Promise<void> {
    const response = await rest(emulator.url, request);
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail });
    expect(contractErrors('/project/', 'GET', 401, response.body)).toBe('');
    expect(JSON.stringify(response.body)).not.toContain('demosecretkey');
  }

  describe('accepts', () => {
    it('an HMAC-SHA1 signature dated by X-Uploadcare-Date', async () => {
      expect((await rest(emulator.url, { path: '/project/' })).status).toBe(200);
    });

    it('an HMAC-SHA1 signature dated by the Date header', async () => {
      expect((await rest(emulator.url, { path: '/files/?limit=1&stored=true', dateHeader: 'Date' })).status).toBe(200);
    });

    it('a signed request with a JSON body', async () => {
      const file = await addFile(emulator);
      const response = await rest(emulator.url, { method: 'PUT', path: '/files/storage/', body: [file.uuid] });
      expect(response.status).toBe(200);
    });

    it('a date just inside the 15-minute window, either side', async () => {
      expect((await rest(emulator.url, { path: '/project/', date: new Date(Date.now() - 14 * MINUTE) })).status).toBe(200);
      expect((await rest(emulator.url, { path: '/project/', date: new Date(Date.now() + 14 * MINUTE) })).status).toBe(200);
    });

    it('Uploadcare.Simple with the secret key', async () => {
      expect((await rest(emulator.url, { path: '/project/', auth: 'simple' })).status).toBe(200);
    });
  });

  describe('refuses with 401', () => {
    it('a request without Authorization', async () => {
      await expect401({ path: '/project/', auth: 'none' }, 'Incorrect authentication credentials.');
    });

    it('an unknown public key', async () => {
      await expect401(
        { path: '/project/', keys: { publicKey: 'nosuchkey', secretKey: 'demosecretkey' } },
        'Public key nosuchkey not found.',
      );
    });

    it('a signature made with the wrong secret', async () => {
      await expect401(
        { path: '/project/', keys: { publicKey: 'demopublickey', secretKey: 'wrong' } },
        'Invalid signature. Please check your Secret key.',
      );
    });

    it('a signature of another path, body or method', async () => {
      const invalid = 'Invalid signature. Please check your Secret key.';
      await expect401({ path: '/files/?limit=2', signedInstead: { path: '/files/?limit=1' } }, invalid);
      await expect401({ method: 'PUT', path: '/files/storage/', body: ['a'], signedInstead: { body: '["b"]' } }, invalid);
      await expect401({ method: 'DELETE', path: '/files/storage/', body: ['a'], signedInstead: { method: 'PUT' } }, invalid);
    });

    it('a date more than 15 minutes off', async () => {
      await expect401({ path: '/project/', date: new Date(Date.now() - 16 * MINUTE) }, 'Incorrect authentication credentials.');
      await expect401({ path: '/project/', date: new Date(Date.now() + 16 * MINUTE) }, 'Incorrect authentication credentials.');
    });

    it('Uploadcare.Simple with a wrong secret', async () => {
      await expect401(
        { path: '/project/', auth: 'simple', keys: { publicKey: 'demopublickey', secretKey: 'guess' } },
        'Incorrect authentication credentials.',
      );
    });
  });

  it('answers 406 when Accept does not ask for v0.7, before looking at credentials', async () => {
    for (const accept of [null, 'application/json', 'application/vnd.uploadcare-v0.6+json']) {
      const response = await rest(emulator.url, { path: '/project/', accept, auth: 'none' });
      expect(response.status).toBe(406);
      expect(response.body).toEqual({
        detail: 'Incorrect Accept header provided. Make sure to specify API version. Refer to REST API docs for details.',
      });
    }
  });

  it('keeps projects apart: one project cannot see or change another one\'s files', async () => {
    const file = await addFile(emulator, { projectKey: other.publicKey });
    expect((await rest(emulator.url, { path: `/files/${file.uuid}/`, keys: other })).status).toBe(200);
    expect((await rest(emulator.url, { path: `/files/${file.uuid}/` })).status).toBe(404);
    expect((await rest(emulator.url, { method: 'DELETE', path: `/files/${file.uuid}/storage/` })).status).toBe(404);
    const project = await rest(emulator.url, { path: '/project/', keys: other });
    expect(project.body).toEqual(jasmine.objectContaining({ pub_key: other.publicKey }));
  });
});
