import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { InvalidParamError, InvalidRequestError } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import type { GroupInfo } from '../../lib/resources/group-info.js';
import { countingClient, type CountingClient } from './support/clients.js';
import { uploadTestFiles } from './support/uploads.js';

describe('FileGroup against the emulator', () => {
  let client: CountingClient;
  let files: File[];

  beforeEach(async () => {
    client = countingClient();
    files = (await uploadTestFiles(3)).map((uuid) => new File(uuid, client));
  });

  async function createGroup(members: File[] = files): Promise<FileGroup> {
    const group = await firstValueFrom(FileGroup.create(members, client));
    client.calls.length = 0;
    return group;
  }

  it('create() sends each file\'s CDN path with its effects to Upload API group/ (seed: create)', async () => {
    files[1]!.defaultEffects = 'resize/x800/';
    const group = await firstValueFrom(FileGroup.create(files, client));
    expect(group).toBeInstanceOf(FileGroup);
    expect(group.length).toBe(3);
    expect(group.id).toMatch(/^[a-z0-9-]{36}~3$/);
    expect(client.calls).toEqual([
      {
        api: 'upload',
        method: 'POST',
        path: 'group/',
        data: { 'files[0]': `${files[0]!.uuid}/`, 'files[1]': `${files[1]!.uuid}/-/resize/x800/`, 'files[2]': `${files[2]!.uuid}/` },
      },
    ]);
    const second = await firstValueFrom(group.at(1));
    expect(second?.uuid).toBe(files[1]!.uuid);
    expect(second?.defaultEffects).toBe('resize/x800/');
  });

  it('create() accepts any iterable of File, and rejects others before any request', async () => {
    const fromSet = await firstValueFrom(FileGroup.create(new Set(files.slice(0, 2)), client));
    expect(fromSet.length).toBe(2);
    client.calls.length = 0;
    await expectAsync(firstValueFrom(FileGroup.create([], client))).toBeRejectedWithError(InvalidParamError, 'set of files is empty');
    await expectAsync(firstValueFrom(FileGroup.create([files[0]!, files[1]!.uuid as unknown as File], client))).toBeRejectedWithError(InvalidParamError);
    await expectAsync(firstValueFrom(FileGroup.create(42 as unknown as File[], client))).toBeRejectedWithError(InvalidParamError);
    expect(client.calls).toEqual([]);
  });

  it('info() is one request, cached; updateInfo() always asks', async () => {
    const group = await createGroup();
    const info = await firstValueFrom(group.info());
    expect(info.id).toBe(group.id);
    expect(info.files_count).toBe(3);
    expect(info.files?.map((file) => file?.uuid)).toEqual(files.map((file) => file.uuid));
    await firstValueFrom(group.info());
    expect(await firstValueFrom(group.datetimeCreated())).toEqual(jasmine.any(Date));
    expect(client.calls.length).toBe(1);
    await firstValueFrom(group.updateInfo());
    expect(client.calls.length).toBe(2);
  });

  it('files() emits File or null in order; at(i) too; a deleted file is null (seed: indexing)', async () => {
    const group = await createGroup();
    await firstValueFrom(files[1]!.delete());
    const members = await lastValueFrom(group.files().pipe(toArray()));
    expect(members.map((file) => file?.uuid ?? null)).toEqual([files[0]!.uuid, null, files[2]!.uuid]);
    expect((await firstValueFrom(group.at(0)))?.uuid).toBe(files[0]!.uuid);
    expect(await firstValueFrom(group.at(1))).toBeNull();
    expect((await firstValueFrom(group.at(-1)))?.uuid).toBe(files[2]!.uuid);
    expect(client.calls.filter((call) => call.path.startsWith('groups/')).length).toBe(1);
  });

  it('at(i) out of range is an InvalidParamError with no request', async () => {
    const group = await createGroup();
    for (const index of [3, -4, 1.5, Number.NaN]) {
      await expectAsync(firstValueFrom(group.at(index))).toBeRejectedWithError(InvalidParamError, /out of range/);
    }
    expect(client.calls).toEqual([]);
  });

  it('iterates with for await, File or null in order', async () => {
    const group = await createGroup();
    const seen: (string | null)[] = [];
    for await (const file of group) seen.push(file?.uuid ?? null);
    expect(seen).toEqual(files.map((file) => file.uuid));
  });

  it('store() stores every file in batch (REST v0.7 has no group storage) and then is stored', async () => {
    const group = await createGroup();
    expect(await firstValueFrom(group.isStored())).toBeFalse();
    expect(await firstValueFrom(group.datetimeStored())).toBeNull();
    const info = await firstValueFrom(group.store());
    expect(info.files?.every((file) => file?.datetime_stored)).toBeTrue();
    expect(await firstValueFrom(group.isStored())).toBeTrue();
    expect(await firstValueFrom(group.datetimeStored())).toEqual(jasmine.any(Date));
    expect(client.calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET groups/${group.id}/`, 'PUT files/storage/']);
    expect(client.calls[1]!.data).toEqual(files.map((file) => file.uuid));
    for (const file of files) expect(await firstValueFrom(file.updateInfo())).toEqual(jasmine.objectContaining({ datetime_stored: jasmine.any(String) }));
    const fresh = new FileGroup(group.id, client);
    expect(await firstValueFrom(fresh.isStored())).toBeTrue();
  });

  it('store() makes no request when the group is already stored', async () => {
    const group = await createGroup();
    await firstValueFrom(group.store());
    const info = await firstValueFrom(group.updateInfo());
    client.calls.length = 0;
    const known = FileGroup.constructFrom(info, client);
    await firstValueFrom(known.store());
    await firstValueFrom(group.store());
    expect(client.calls).toEqual([]);
  });

  it('store() reports files the server could not store, as an InvalidRequestError', async () => {
    const group = await createGroup();
    const info = await firstValueFrom(group.info());
    const ghost = { ...info.files![0]!, uuid: '00000000-0000-0000-0000-000000000000', datetime_stored: null };
    const broken = FileGroup.constructFrom({ ...info, files: [ghost, ...info.files!.slice(1)] }, client);
    const error = await firstValueFrom(broken.store()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).body).toEqual({ problems: { [ghost.uuid]: jasmine.any(String) } });
  });

  it('constructFrom(info) primes the cache', async () => {
    const group = await createGroup();
    const info = await firstValueFrom(group.info());
    client.calls.length = 0;
    const copy = FileGroup.constructFrom(info, client);
    expect(copy.id).toBe(group.id);
    expect((await lastValueFrom(copy.files().pipe(toArray()))).length).toBe(3);
    expect(client.calls).toEqual([]);
    expect(() => FileGroup.constructFrom({} as GroupInfo, client)).toThrowError(InvalidParamError);
  });

  it('delete() removes the group and leaves its files', async () => {
    const group = await createGroup();
    await lastValueFrom(group.delete());
    const error = await firstValueFrom(new FileGroup(group.id, client).info()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((await firstValueFrom(files[0]!.updateInfo())).datetime_removed).toBeNull();
  });
});
