import { updateMetadata } from '@uploadcare/rest-client';
import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { addFile } from '../rest/support/fixtures.js';
import { officialRestSettings } from '../rest/support/official-settings.js';
import { rest } from '../rest/support/signed-fetch.js';

/**
 * Setting a metadata key answers 200 whether the key is new or not: pyuploadcare's recording of a new key
 * (`test_create_key_and_delete`, API v0.7) shows 200, where the OpenAPI document says 201.
 */
describe('emulator fidelity: PUT /files/{uuid}/metadata/{key}/', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('answers 200 with the value for a new key and for a changed one', async () => {
    const file = await addFile(emulator);
    const path = `/files/${file.uuid}/metadata/-:45az_/`;
    const created = await rest(emulator.url, { method: 'PUT', path, body: 'any string up to 512' });
    expect([created.status, created.body]).toEqual([200, 'any string up to 512']);
    const changed = await rest(emulator.url, { method: 'PUT', path, body: 'another' });
    expect([changed.status, changed.body]).toEqual([200, 'another']);
  });

  it('lets the official REST client set a new key', async () => {
    const file = await addFile(emulator);
    const settings = officialRestSettings(emulator.url);
    expect(await updateMetadata({ uuid: file.uuid, key: 'pet', value: 'dog' }, settings)).toBe('dog');
  });
});
