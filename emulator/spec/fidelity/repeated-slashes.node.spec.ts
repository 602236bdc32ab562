import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { addFile } from '../rest/support/fixtures.js';
import { rest } from '../rest/support/signed-fetch.js';

/**
 * Runs of slashes in a path match as one, as at the real service: pyuploadcare 4.0–6.2 create groups with
 * `POST /group//` (its recordings show the real service answering 200), and REST paths are no different.
 */
describe('emulator fidelity: repeated slashes in paths', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('creates a group at POST /group// from the form pyuploadcare sends', async () => {
    const file = await addFile(emulator);
    const body = new URLSearchParams({ pub_key: 'demopublickey', 'files[0]': `https://ucarecdn.com/${file.uuid}/` });
    const response = await fetch(`${emulator.url}/group//`, { method: 'POST', body });
    const json = (await response.json()) as { id: string; files_count: number };
    expect(response.status).toBe(200);
    expect(json.id).toMatch(/~1$/);
    expect(json.files_count).toBe(1);
  });

  it('answers Upload API GETs with doubled slashes (`//info//`)', async () => {
    const file = await addFile(emulator);
    const response = await fetch(`${emulator.url}//info//?pub_key=demopublickey&file_id=${file.uuid}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { uuid: string }).uuid).toBe(file.uuid);
  });

  it('serves REST paths with doubled slashes, signed as sent, and links pages on the merged path', async () => {
    const file = await addFile(emulator);
    const info = await rest(emulator.url, { path: `/files//${file.uuid}//` });
    expect(info.status).toBe(200);
    expect((info.body as { uuid: string }).uuid).toBe(file.uuid);
    await addFile(emulator);
    const page = await rest(emulator.url, { path: '//files//?limit=1' });
    expect(page.status).toBe(200);
    expect(new URL((page.body as { next: string }).next).pathname).toBe('/files/');
  });
});
