import { deleteFile, storeFile, storeFiles, type UserSettings } from '@uploadcare/rest-client';
import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { addFile } from '../rest/support/fixtures.js';
import { officialRestSettings } from '../rest/support/official-settings.js';
import { rest } from '../rest/support/signed-fetch.js';

/**
 * Storing a removed file stores it again, no longer removed, as the real service does: the official clients' suites
 * restore their fixtures this way on every run.
 */
describe('emulator fidelity: storing a removed file', () => {
  let emulator: RunningEmulator;
  let settings: UserSettings;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    settings = officialRestSettings(emulator.url);
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('PUT /files/{uuid}/storage/ after DELETE stores the file again and the CDN serves it', async () => {
    const file = await addFile(emulator);
    expect((await rest(emulator.url, { method: 'DELETE', path: `/files/${file.uuid}/storage/` })).status).toBe(200);
    expect((await fetch(`${emulator.url}/${file.uuid}/`)).status).toBe(404);
    const stored = await rest(emulator.url, { method: 'PUT', path: `/files/${file.uuid}/storage/` });
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(jasmine.objectContaining({ uuid: file.uuid, datetime_removed: null, datetime_stored: jasmine.any(String) }));
    expect((await fetch(`${emulator.url}/${file.uuid}/`)).status).toBe(200);
    const listed = await rest(emulator.url, { path: '/files/?stored=true' });
    expect((listed.body as { results: { uuid: string }[] }).results.map((item) => item.uuid)).toContain(file.uuid);
  });

  it('the batch form stores removed files with no problem reported', async () => {
    const file = await addFile(emulator, { datetimeRemoved: new Date() });
    const answer = await rest(emulator.url, { method: 'PUT', path: '/files/storage/', body: [file.uuid] });
    expect(answer.body).toEqual(jasmine.objectContaining({ status: 'ok', problems: {} }));
    expect(emulator.store.fileByUuid(file.uuid)?.datetimeRemoved).toBeNull();
  });

  it('lets the official REST client delete then store a file, as its suite restores fixtures', async () => {
    const file = await addFile(emulator);
    await deleteFile({ uuid: file.uuid }, settings);
    const restored = await storeFile({ uuid: file.uuid }, settings);
    expect(restored.datetimeRemoved).toBeNull();
    expect(restored.datetimeStored).not.toBeNull();
    await deleteFile({ uuid: file.uuid }, settings);
    const batch = await storeFiles({ uuids: [file.uuid] }, settings);
    expect(batch.problems).toEqual({});
    expect(batch.result[0]?.datetimeRemoved).toBeNull();
  });
});
