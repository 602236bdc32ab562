import { deleteFile, storeFile, storeFiles } from '@uploadcare/rest-client';
import { addFile } from '../rest/support/fixtures.js';
import { useEmulatorForOfficialClients } from '../rest/support/official-settings.js';
import { rest } from '../rest/support/signed-fetch.js';

/**
 * Storing a removed file stores it again, no longer removed, as the real service does: the official clients' suites
 * restore their fixtures this way on every run.
 */
describe('emulator fidelity: storing a removed file', () => {
  const env = useEmulatorForOfficialClients();

  it('PUT /files/{uuid}/storage/ after DELETE stores the file again and the CDN serves it', async () => {
    const file = await addFile(env.emulator);
    expect((await rest(env.emulator.url, { method: 'DELETE', path: `/files/${file.uuid}/storage/` })).status).toBe(200);
    expect((await fetch(`${env.emulator.url}/${file.uuid}/`)).status).toBe(404);
    const stored = await rest(env.emulator.url, { method: 'PUT', path: `/files/${file.uuid}/storage/` });
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(jasmine.objectContaining({ uuid: file.uuid, datetime_removed: null, datetime_stored: jasmine.any(String) }));
    expect((await fetch(`${env.emulator.url}/${file.uuid}/`)).status).toBe(200);
    const listed = await rest(env.emulator.url, { path: '/files/?stored=true' });
    expect((listed.body as { results: { uuid: string }[] }).results.map((item) => item.uuid)).toContain(file.uuid);
  });

  it('the batch form stores removed files with no problem reported', async () => {
    const file = await addFile(env.emulator, { datetimeRemoved: new Date() });
    const answer = await rest(env.emulator.url, { method: 'PUT', path: '/files/storage/', body: [file.uuid] });
    expect(answer.body).toEqual(jasmine.objectContaining({ status: 'ok', problems: {} }));
    expect(env.emulator.store.fileByUuid(file.uuid)?.datetimeRemoved).toBeNull();
  });

  it('lets the official REST client delete then store a file, as its suite restores fixtures', async () => {
    const file = await addFile(env.emulator);
    await deleteFile({ uuid: file.uuid }, env.settings);
    const restored = await storeFile({ uuid: file.uuid }, env.settings);
    expect(restored.datetimeRemoved).toBeNull();
    expect(restored.datetimeStored).not.toBeNull();
    await deleteFile({ uuid: file.uuid }, env.settings);
    const batch = await storeFiles({ uuids: [file.uuid] }, env.settings);
    expect(batch.problems).toEqual({});
    expect(batch.result[0]?.datetimeRemoved).toBeNull();
  });
});
