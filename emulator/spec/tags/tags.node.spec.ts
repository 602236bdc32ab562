import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileInfo, getTags, replaceTags, RestClientError, updateTags } from '@uploadcare/rest-client';
import { UploadClient } from '@uploadcare/upload-client';
import { startEmulator } from '../../lib/index.js';
import { addFile } from '../rest/support/fixtures.js';
import { officialRestSettings, useEmulatorForOfficialClients } from '../rest/support/official-settings.js';
import { rest } from '../rest/support/signed-fetch.js';
import { patternBytes, postForm, PUBLIC_KEY } from '../upload/upload-api-helpers.js';

/** File tags (https://uploadcare.com/docs/file-tags/), driven by the official clients where they cover them. */
describe('emulator file tags', () => {
  const env = useEmulatorForOfficialClients();

  it('gets, replaces and updates tags with the official REST client, normalized as the service does', async () => {
    const file = await addFile(env.emulator);
    expect(await getTags({ uuid: file.uuid }, env.settings)).toEqual({ tags: [] });
    const replaced = await replaceTags({ uuid: file.uuid, tags: ['Summer', ' cat ', 'CAT', '', 'zebra'] }, env.settings);
    expect(replaced).toEqual({ tags: ['summer', 'cat', 'zebra'], added: ['cat', 'summer', 'zebra'], deleted: [] });
    const updated = await updateTags({ uuid: file.uuid, add: ['dog', 'cat'], delete: ['summer'] }, env.settings);
    expect(updated).toEqual({ tags: ['cat', 'zebra', 'dog'], added: ['dog'], deleted: ['summer'] });
    expect(await getTags({ uuid: file.uuid }, env.settings)).toEqual({ tags: ['cat', 'zebra', 'dog'] });
    expect((await fileInfo({ uuid: file.uuid }, env.settings)).tags).toEqual(['cat', 'zebra', 'dog']);
  });

  it('removes then re-adds a tag in one PATCH (no change, order kept); an empty PATCH changes nothing; PUT of the same set in another order writes nothing', async () => {
    const file = await addFile(env.emulator, { tags: ['a', 'b'] });
    expect(await updateTags({ uuid: file.uuid, add: ['a'], delete: ['a'] }, env.settings)).toEqual({ tags: ['a', 'b'], added: [], deleted: [] });
    expect(await updateTags({ uuid: file.uuid }, env.settings)).toEqual({ tags: ['a', 'b'], added: [], deleted: [] });
    const changes: string[] = [];
    env.emulator.store.onChange((event) => changes.push(event.type));
    expect(await replaceTags({ uuid: file.uuid, tags: ['A', 'B'] }, env.settings)).toEqual({ tags: ['a', 'b'], added: [], deleted: [] });
    expect(changes).toEqual([]);
    expect(await replaceTags({ uuid: file.uuid, tags: [] }, env.settings)).toEqual({ tags: [], added: [], deleted: ['a', 'b'] });
  });

  it('refuses what the service refuses with 400: a bad character, a tag over 100 characters, more than 50, a body that is no list', async () => {
    const file = await addFile(env.emulator);
    const put = (body: unknown) => rest(env.emulator.url, { method: 'PUT', path: `/files/${file.uuid}/tags/`, body });
    expect((await put({ tags: ['two words'] })).status).toBe(200);
    for (const body of [{ tags: ['c@t'] }, { tags: ['x'.repeat(101)] }, { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, { tags: 'cat' }, { tags: null }, {}, { tags: [1] }]) {
      const answer = await put(body);
      expect(answer.status).withContext(JSON.stringify(body)).toBe(400);
      expect(answer.body).toEqual({ detail: jasmine.any(String) });
    }
    expect((await put({ tags: Array.from({ length: 50 }, (_, i) => `t${i}`) })).status).toBe(200);
    const over = await rest(env.emulator.url, { method: 'PATCH', path: `/files/${file.uuid}/tags/`, body: { add: ['one-more'] } });
    expect([over.status, over.body]).toEqual([400, { detail: 'Too many tags: 51 (max 50).' }]);
    expect((await getTags({ uuid: file.uuid }, env.settings)).tags.length).toBe(50);
  });

  it('answers 404 for another project\'s file, a removed file or none; DELETE is no method of tags', async () => {
    const removed = await addFile(env.emulator, { datetimeRemoved: new Date() });
    const stranger = await addFile(env.emulator, { projectKey: 'otherproject' });
    for (const uuid of [removed.uuid, stranger.uuid, env.emulator.store.newUuid()]) {
      const error = await getTags({ uuid }, env.settings).then(() => undefined, (thrown: unknown) => thrown);
      expect((error as RestClientError).status).withContext(uuid).toBe(404);
    }
    const file = await addFile(env.emulator);
    expect((await rest(env.emulator.url, { method: 'DELETE', path: `/files/${file.uuid}/tags/` })).status).toBe(405);
  });

  it('takes tags on direct, multipart and from-URL uploads through the official upload client; refuses bad ones before storing', async () => {
    const client = new UploadClient({ publicKey: PUBLIC_KEY, baseURL: env.emulator.url, baseCDN: env.emulator.url, multipartMinFileSize: 10 * 1024 * 1024 });
    const direct = await client.uploadFile(Buffer.from('tagged'), { fileName: 't.txt', tags: ['Cat', 'animal'] });
    const multipart = await client.uploadFile(Buffer.from(patternBytes(11 * 1024 * 1024)), { fileName: 'big.bin', tags: ['big', 'Data'] });
    const fromUrl = await client.uploadFile(`${env.emulator.url}/${direct.uuid}/`, { fileName: 'copy.txt', tags: ['fetched'] });
    expect((await getTags({ uuid: direct.uuid }, env.settings)).tags).toEqual(['cat', 'animal']);
    expect((await getTags({ uuid: multipart.uuid }, env.settings)).tags).toEqual(['big', 'data']);
    expect((await getTags({ uuid: fromUrl.uuid }, env.settings)).tags).toEqual(['fetched']);

    const before = env.emulator.store.filesOf(PUBLIC_KEY).length;
    const many = Array.from({ length: 51 }, (_, i) => `t${i}`).join(',');
    const refused = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, tags: many, file: { bytes: patternBytes(5), filename: 'a.bin' } }, env.emulator.url);
    expect(refused.json).toEqual({ error: { status_code: 400, content: 'Too many tags: 51 (max 50).', error_code: 'UploadViewsError' } });
    const bad = await postForm('/from_url/?jsonerrors=1', { pub_key: PUBLIC_KEY, tags: 'c@t', source_url: `${env.emulator.url}/${direct.uuid}/` }, env.emulator.url);
    expect(bad.json).toEqual({ error: jasmine.objectContaining({ status_code: 400, error_code: 'UploadViewsError' }) });
    expect(env.emulator.store.filesOf(PUBLIC_KEY).length).toBe(before);
  });

  it('keeps tags across a restart with --data-dir', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rxuc-tags-'));
    try {
      const first = await startEmulator({ port: 0, dataDir: dir });
      const file = await addFile(first);
      await replaceTags({ uuid: file.uuid, tags: ['kept'] }, officialRestSettings(first.url));
      await first.close();
      const second = await startEmulator({ port: 0, dataDir: dir });
      try {
        expect(await getTags({ uuid: file.uuid }, officialRestSettings(second.url))).toEqual({ tags: ['kept'] });
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
