import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { addFile } from '../rest/support/fixtures.js';
import { ACCEPT_V07, rest } from '../rest/support/signed-fetch.js';

/**
 * REST answers are labelled with the API version's media type, as the real service's are (its recordings:
 * `Content-Type: application/vnd.uploadcare-v0.6+json` for v0.6), so a client that insists on `application/json`
 * fails here as it would in production.
 */
describe('emulator fidelity: REST Content-Type', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('labels answers, successes and errors alike, application/vnd.uploadcare-v0.7+json', async () => {
    const file = await addFile(emulator);
    const answers = [
      await rest(emulator.url, { path: `/files/${file.uuid}/` }),
      await rest(emulator.url, { path: '/files/?limit=1' }),
      await rest(emulator.url, { path: '/files/00000000-0000-4000-8000-000000000000/' }),
      await rest(emulator.url, { path: '/files/', auth: 'none' }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 404, 401]);
    for (const answer of answers) expect(answer.headers.get('content-type')).toBe(ACCEPT_V07);
  });

  it('answers the 406 of a missing version as plain JSON: no version was agreed', async () => {
    const answer = await rest(emulator.url, { path: '/files/', accept: 'application/json' });
    expect(answer.status).toBe(406);
    expect(answer.headers.get('content-type')).toBe('application/json');
  });
});
