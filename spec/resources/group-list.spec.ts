import { firstValueFrom, lastValueFrom, map, mergeMap, Observable, take, toArray } from 'rxjs';
import { InvalidParamError } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { GroupList } from '../../lib/resources/group-list.js';
import { countingClient, type CountingClient } from './support/clients.js';
import { uploadTestFiles } from './support/uploads.js';
import { momentBetweenUploads } from './support/moment.js';

describe('GroupList against the emulator', () => {
  let client: CountingClient;
  let start: Date;
  let ids: string[];

  beforeEach(async () => {
    client = countingClient();
    const files = (await uploadTestFiles(2)).map((uuid) => new File(uuid, client));
    start = await momentBetweenUploads();
    ids = [];
    // Apart by a few ms: the emulator orders groups by creation time to the millisecond, ties by id.
    for (let i = 0; i < 3; i++) {
      if (i > 0) await momentBetweenUploads();
      ids.push((await firstValueFrom(FileGroup.create(i === 1 ? [files[0]!] : files, client))).id);
    }
    client.calls.length = 0;
  });

  const groupCalls = (): string[] => client.calls.filter((call) => call.path.includes('groups/?')).map((call) => call.path);

  it('is an Observable of FileGroup in creation order, following next links', async () => {
    const list = new GroupList({ since: start, requestLimit: 2 }, client);
    expect(list).toBeInstanceOf(Observable);
    const groups = await lastValueFrom(list.pipe(toArray()));
    expect(groups.every((group) => group instanceof FileGroup)).toBeTrue();
    expect(groups.map((group) => group.id)).toEqual(ids);
    expect(groups.map((group) => group.length)).toEqual([2, 1, 2]);
    expect(groupCalls().length).toBe(2);
    expect(groupCalls()[0]).toBe(`groups/?limit=2&ordering=datetime_created&from=${encodeURIComponent(start.toISOString())}`);
  });

  it('caches each entry: datetimeCreated() needs no request, files() asks once for the files', async () => {
    const [group] = await lastValueFrom(new GroupList({ since: start, limit: 1 }, client).pipe(toArray()));
    client.calls.length = 0;
    expect(await firstValueFrom(group!.datetimeCreated())).toEqual(jasmine.any(Date));
    expect(client.calls).toEqual([]);
    const files = await lastValueFrom(group!.files().pipe(toArray()));
    expect(files.length).toBe(2);
    expect(client.calls.map((call) => call.path)).toEqual([`groups/${group!.id}/`]);
  });

  it('until gives newest first; limit and take stop fetching', async () => {
    const newest = await lastValueFrom(new GroupList({ until: await momentBetweenUploads(), limit: 2, requestLimit: 1 }, client).pipe(toArray()));
    expect(newest.map((group) => group.id)).toEqual([ids[2]!, ids[1]!]);
    expect(groupCalls().length).toBe(2);
    expect(groupCalls()[0]).toContain('ordering=-datetime_created');
    client.calls.length = 0;
    await lastValueFrom(new GroupList({ since: start, requestLimit: 1 }, client).pipe(take(1), toArray()));
    expect(groupCalls().length).toBe(1);
  });

  it('pages() gives whole pages', async () => {
    const pages = await lastValueFrom(new GroupList({ since: start, requestLimit: 2 }, client).pages().pipe(toArray()));
    expect(pages.map((page) => page.length)).toEqual([2, 1]);
  });

  it('count() reads total; with since/until it is an InvalidParamError (seed: GroupList().count())', async () => {
    const before = await firstValueFrom(new GroupList({}, client).count());
    const files = (await uploadTestFiles(1)).map((uuid) => new File(uuid, client));
    await firstValueFrom(FileGroup.create(files, client));
    expect(await firstValueFrom(new GroupList({}, client).count())).toBe(before + 1);
    client.calls.length = 0;
    await expectAsync(firstValueFrom(new GroupList({ since: start }, client).count())).toBeRejectedWithError(InvalidParamError);
    expect(client.calls).toEqual([]);
  });

  it('checks options in the constructor', () => {
    expect(() => new GroupList({ since: start, until: start }, client)).toThrowError(InvalidParamError);
    expect(() => new GroupList({ requestLimit: 5000 }, client)).toThrowError(InvalidParamError);
  });

  it('seed example: for f in GroupList(since=a week ago): print f.datetime_created()', async () => {
    const created = await lastValueFrom(
      new GroupList({ since: new Date(Date.now() - 7 * 86_400_000) }, client).pipe(
        mergeMap((group) => group.datetimeCreated()),
        map((date) => date instanceof Date),
        toArray(),
      ),
    );
    expect(created.length).toBeGreaterThanOrEqual(3);
    expect(created.every(Boolean)).toBeTrue();
  });

  it('iterates with for await', async () => {
    const seen: string[] = [];
    for await (const group of new GroupList({ since: start, requestLimit: 1 }, client)) seen.push(group.id);
    expect(seen).toEqual(ids);
  });
});
