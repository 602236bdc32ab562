import { filter, firstValueFrom, lastValueFrom, take } from 'rxjs';
import { describeFile, retag, storeAll, storeCopyAndTag } from '../../docs/examples/resources/files.js';
import { FilesService } from '../../docs/examples/resources/files-service.js';
import { groupAndStore, memberNames } from '../../docs/examples/resources/groups.js';
import { counts, newestNames, storedBytes } from '../../docs/examples/resources/lists.js';
import { countingClient, type CountingClient } from './support/clients.js';
import { uploadTestFile, uploadTestFiles } from './support/uploads.js';

// The examples of docs/files.md, docs/groups.md and docs/lists.md, run against the emulator.
describe('docs examples (resources)', () => {
  let uc: CountingClient;

  beforeEach(() => {
    uc = countingClient();
  });

  it('files: describeFile', async () => {
    const uuid = await uploadTestFile('12345', { filename: 'five.txt' });
    const text = await describeFile(uc, `https://ucarecdn.com/${uuid}/-/preview/five.txt`);
    expect(text).toBe(`five.txt (5 bytes, not stored) at ${uc.options.cdnBase}${uuid}/-/preview/`);
    expect(uc.calls.length).toBe(1);
  });

  it('files: storeCopyAndTag', async () => {
    const uuid = await uploadTestFile();
    const copy = await storeCopyAndTag(uc, uuid);
    expect(await firstValueFrom(copy.metadata('source'))).toBe(uuid);
  });

  it('files: retag', async () => {
    const uuid = await uploadTestFile();
    expect(await retag(uc, uuid)).toEqual(['photo', 'published']);
    expect(uc.calls.map((call) => call.method)).toEqual(['PUT', 'PATCH']);
  });

  it('files: storeAll', async () => {
    const uuids = await uploadTestFiles(2);
    expect(await storeAll(uc, [...uuids, '00000000-0000-4000-8000-000000000000'])).toEqual({
      '00000000-0000-4000-8000-000000000000': jasmine.any(String) as unknown as string,
    });
  });

  it('groups: groupAndStore and memberNames', async () => {
    const uuids = await uploadTestFiles(2);
    const urls = await groupAndStore(uc, uuids);
    expect(urls).toEqual([`${uc.options.cdnBase}${uuids[0]!}/`, `${uc.options.cdnBase}${uuids[1]!}/-/resize/x800/`]);
    const group = uc.calls.find((call) => call.path.startsWith('groups/'))!.path.split('/')[1]!;
    expect(await memberNames(uc, group)).toEqual(['f0.txt', 'f1.txt']);
  });

  it('lists: newestNames, storedBytes, counts', async () => {
    const uuids = await uploadTestFiles(3, { store: true });
    expect(await newestNames(uc, 2)).toEqual([uuids[2]!, uuids[1]!]);
    const before = await storedBytes(uc);
    await uploadTestFile('1234567', { store: true });
    expect(await storedBytes(uc)).toBe(before + 7);
    const { stored, groups } = await counts(uc);
    expect(stored).toBeGreaterThanOrEqual(4);
    expect(groups).toBeGreaterThanOrEqual(0);
  });

  it('Angular service: files$ starts empty, grows page by page and restarts on a new filter', async () => {
    const uuids = await uploadTestFiles(3);
    const service = new FilesService(uc);
    const seen: string[][] = [];
    const done = lastValueFrom(service.files$.pipe(filter((files) => files.length === 3 && files[0]!.uuid === uuids[2]), take(1)));
    const subscription = service.files$.subscribe((files) => seen.push(files.map((file) => file.uuid)));
    expect(seen[0]).toEqual([]);
    service.filter({ until: new Date(), limit: 3, requestLimit: 1 });
    expect((await done).map((file) => file.uuid)).toEqual([...uuids].reverse());
    const sinceRestart = seen.slice(seen.map((files) => files.length).lastIndexOf(0));
    expect(sinceRestart).toEqual([[], [uuids[2]!], [uuids[2]!, uuids[1]!], [uuids[2]!, uuids[1]!, uuids[0]!]]);
    subscription.unsubscribe();
  });
});
