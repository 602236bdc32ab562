import {
  copyFileToLocalStorage,
  copyFileToRemoteStorage,
  deleteFile,
  deleteFiles,
  deleteGroup,
  deleteMetadata,
  fileInfo,
  getMetadata,
  getMetadataValue,
  groupInfo,
  listOfFiles,
  listOfGroups,
  paginate,
  RestClientError,
  storeFile,
  storeFiles,
  updateMetadata,
  UploadcareAuthSchema,
  type UserSettings,
} from '@uploadcare/rest-client';
import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import type { FileRecord } from '../../lib/index.js';
import { addFile, addGroup } from './support/fixtures.js';
import { DEMO_KEYS } from './support/signed-fetch.js';

/**
 * The official `@uploadcare/rest-client`, signing every request with the secret (HMAC-SHA1, `X-Uploadcare-Date`),
 * pointed at the emulator through its `apiBaseURL` setting: it must not be able to tell the difference.
 */
describe('official @uploadcare/rest-client against the emulator', () => {
  let emulator: RunningEmulator;
  let settings: UserSettings;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    settings = {
      authSchema: new UploadcareAuthSchema(DEMO_KEYS),
      apiBaseURL: `${emulator.url}/`,
      retryNetworkErrorMaxTimes: 0,
    };
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('reads file info, appdata included', async () => {
    const file = await addFile(emulator, { filename: 'photo.png', mimeType: 'image/png', imageInfo: { width: 3, height: 2, format: 'PNG' } });
    const info = await fileInfo({ uuid: file.uuid, include: 'appdata' }, settings);
    expect(info.uuid).toBe(file.uuid);
    expect(info.originalFilename).toBe('photo.png');
    expect(info.isImage).toBeTrue();
    expect(info.contentInfo?.image?.width).toBe(3);
    expect(info.size).toBe(file.size);
    expect(info.appdata).toEqual({});
  });

  it('reports an unknown file as a RestClientError with status 404', async () => {
    const error = await fileInfo({ uuid: emulator.store.newUuid() }, settings).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(RestClientError);
    expect((error as RestClientError).status).toBe(404);
  });

  it('lists files page by page with its paginate() over next links', async () => {
    const fresh = await startEmulator({ port: 0 });
    try {
      const start = Date.now() - 3_600_000;
      const added: FileRecord[] = [];
      for (let i = 0; i < 7; i++) added.push(await addFile(fresh, { datetimeUploaded: new Date(start + i * 1000) }));
      const pages: string[][] = [];
      for await (const page of paginate(listOfFiles)({ limit: 3 }, { ...settings, apiBaseURL: `${fresh.url}/` })) {
        pages.push(page.results.map((file) => file.uuid));
        expect(page.total).toBe(7);
      }
      expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
      expect(pages.flat()).toEqual(added.map((file) => file.uuid));
      const newest = await listOfFiles({ limit: 2, ordering: '-datetime_uploaded' }, { ...settings, apiBaseURL: `${fresh.url}/` });
      expect(newest.results.map((file) => file.uuid)).toEqual([added[6]?.uuid, added[5]?.uuid]);
    } finally {
      await fresh.close();
    }
  });

  it('stores and deletes one file', async () => {
    const file = await addFile(emulator);
    const stored = await storeFile({ uuid: file.uuid }, settings);
    expect(stored.datetimeStored).not.toBeNull();
    const deleted = await deleteFile({ uuid: file.uuid }, settings);
    expect(deleted.datetimeRemoved).not.toBeNull();
    expect(emulator.store.fileByUuid(file.uuid)?.datetimeRemoved).not.toBeNull();
  });

  it('stores and deletes in batches, with problems for the bad UUIDs', async () => {
    const a = await addFile(emulator);
    const b = await addFile(emulator);
    const missing = emulator.store.newUuid();
    const stored = await storeFiles({ uuids: [a.uuid, b.uuid, missing, 'garbage'] }, settings);
    expect(stored.result.map((file) => file.uuid).sort()).toEqual([a.uuid, b.uuid].sort());
    expect(stored.problems).toEqual({ [missing]: 'Missing in the project', garbage: 'Invalid' });
    const deleted = await deleteFiles({ uuids: [a.uuid, b.uuid] }, settings);
    expect(deleted.result.every((file) => file.datetimeRemoved !== null)).toBeTrue();
  });

  it('reads, writes and deletes metadata', async () => {
    const file = await addFile(emulator, { metadata: { subsystem: 'uploader' } });
    expect(await getMetadata({ uuid: file.uuid }, settings)).toEqual({ subsystem: 'uploader' });
    expect(await updateMetadata({ uuid: file.uuid, key: 'pet', value: 'cat' }, settings)).toBe('cat');
    expect(await updateMetadata({ uuid: file.uuid, key: 'pet', value: 'dog' }, settings)).toBe('dog');
    // Its typings say Metadata; the API (and the client at run time) answer the bare value.
    expect((await getMetadataValue({ uuid: file.uuid, key: 'pet' }, settings)) as unknown).toBe('dog');
    await deleteMetadata({ uuid: file.uuid, key: 'subsystem' }, settings);
    expect(await getMetadata({ uuid: file.uuid }, settings)).toEqual({ pet: 'dog' });
  });

  it('lists, reads and deletes groups', async () => {
    const files = [await addFile(emulator), await addFile(emulator)];
    const group = addGroup(emulator, files);
    const info = await groupInfo({ uuid: group.id }, settings);
    expect(info.id).toBe(group.id);
    expect(info.filesCount).toBe(2);
    expect(info.files?.map((file) => file?.uuid)).toEqual(files.map((file) => file.uuid));
    const list = await listOfGroups({ limit: 100 }, settings);
    expect(list.results.map((item) => item.id)).toContain(group.id);
    await deleteGroup({ uuid: group.id }, settings);
    expect(emulator.store.groupById(group.id)).toBeUndefined();
  });

  it('copies to local and remote storage', async () => {
    const file = await addFile(emulator, { filename: 'report.pdf', mimeType: 'application/pdf' });
    const local = await copyFileToLocalStorage({ source: file.uuid, store: true }, settings);
    expect(local.type).toBe('file');
    const copy = emulator.store.fileByUuid(local.result.uuid);
    expect(copy?.datetimeStored).not.toBeNull();
    expect(copy?.size).toBe(file.size);
    const remote = await copyFileToRemoteStorage({ source: file.uuid, target: 'demo-storage', pattern: '${default}' }, settings);
    expect(remote).toEqual({ type: 'url', result: `s3://demo-storage/${file.uuid}/report.pdf` });
  });
});
