import { firstValueFrom, lastValueFrom, map, Observable, take, toArray } from 'rxjs';
import { InvalidParamError } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileList } from '../../lib/resources/file-list.js';
import { countingClient, type CountingClient } from './support/clients.js';
import { uploadTestFile, uploadTestFiles } from './support/uploads.js';
import { momentBetweenUploads } from './support/moment.js';

function listCalls(client: CountingClient): string[] {
  return client.calls.filter((call) => call.path.includes('files/?')).map((call) => call.path);
}

describe('FileList against the emulator', () => {
  let client: CountingClient;
  let start: Date;
  let uuids: string[];

  beforeEach(async () => {
    client = countingClient();
    start = await momentBetweenUploads();
    uuids = await uploadTestFiles(5);
  });

  it('is an Observable of File, each with its info cached', async () => {
    const list = new FileList({ since: start }, client);
    expect(list).toBeInstanceOf(Observable);
    const files = await lastValueFrom(list.pipe(toArray()));
    expect(files.every((file) => file instanceof File)).toBeTrue();
    expect(files.map((file) => file.uuid)).toEqual(uuids);
    const calls = client.calls.length;
    expect(await firstValueFrom(files[0]!.filename())).toBe('f0.txt');
    expect(client.calls.length).toBe(calls);
  });

  it('follows next links page by page (requestLimit is the page size)', async () => {
    const files = await lastValueFrom(new FileList({ since: start, requestLimit: 2 }, client).pipe(toArray()));
    expect(files.map((file) => file.uuid)).toEqual(uuids);
    const calls = listCalls(client);
    expect(calls.length).toBe(3);
    expect(calls[0]).toBe(`files/?removed=false&limit=2&ordering=datetime_uploaded&from=${encodeURIComponent(start.toISOString())}`);
  });

  it('gives whole pages with pages()', async () => {
    const pages = await lastValueFrom(new FileList({ since: start, requestLimit: 2 }, client).pages().pipe(toArray()));
    expect(pages.map((page) => page.map((file) => file.uuid))).toEqual([uuids.slice(0, 2), uuids.slice(2, 4), uuids.slice(4)]);
  });

  it('limit caps the total and stops fetching; the first page asks no more than the limit', async () => {
    const files = await lastValueFrom(new FileList({ since: start, limit: 3, requestLimit: 2 }, client).pipe(toArray()));
    expect(files.map((file) => file.uuid)).toEqual(uuids.slice(0, 3));
    expect(listCalls(client).length).toBe(2);
    client.calls.length = 0;
    await lastValueFrom(new FileList({ since: start, limit: 2 }, client).pipe(toArray()));
    expect(listCalls(client)).toEqual([jasmine.stringContaining('limit=2&') as unknown as string]);
    client.calls.length = 0;
    expect(await lastValueFrom(new FileList({ limit: 0 }, client).pipe(toArray()))).toEqual([]);
    expect(client.calls).toEqual([]);
  });

  it('take(n) stops fetching', async () => {
    const files = await lastValueFrom(new FileList({ since: start, requestLimit: 2 }, client).pipe(take(3), toArray()));
    expect(files.length).toBe(3);
    expect(listCalls(client).length).toBe(2);
    client.calls.length = 0;
    await lastValueFrom(new FileList({ since: start, requestLimit: 2 }, client).pipe(take(2), toArray()));
    expect(listCalls(client).length).toBe(1);
  });

  it('until gives newest first (ordering=-datetime_uploaded)', async () => {
    const files = await lastValueFrom(new FileList({ until: await momentBetweenUploads(), limit: 3, requestLimit: 2 }, client).pipe(toArray()));
    expect(files.map((file) => file.uuid)).toEqual(uuids.slice(2).reverse());
    expect(listCalls(client)[0]).toContain('ordering=-datetime_uploaded');
  });

  it('filters stored and removed files (removed: null lists both)', async () => {
    const stored = await uploadTestFile('stored', { store: true });
    await firstValueFrom(new File(uuids[0]!, client).delete());
    const uuidsOf = async (options: ConstructorParameters<typeof FileList>[0]): Promise<string[]> =>
      lastValueFrom(new FileList({ since: start, ...options }, client).pipe(map((file) => file.uuid), toArray()));
    expect(await uuidsOf({ stored: true })).toEqual([stored]);
    expect(await uuidsOf({ stored: false })).toEqual(uuids.slice(1));
    expect(await uuidsOf({})).toEqual([...uuids.slice(1), stored]);
    expect(await uuidsOf({ removed: true })).toEqual([uuids[0]!]);
    expect(await uuidsOf({ removed: null })).toEqual([...uuids.slice(1), stored, uuids[0]!]);
    expect(await uuidsOf({ removed: null, limit: 2 })).toEqual(uuids.slice(1, 3));
  });

  it('count() reads total from one limit=1 request', async () => {
    const before = await firstValueFrom(new FileList({}, client).count());
    const beforeStored = await firstValueFrom(new FileList({ stored: true }, client).count());
    await uploadTestFiles(2);
    await uploadTestFile('stored', { store: true });
    client.calls.length = 0;
    expect(await firstValueFrom(new FileList({}, client).count())).toBe(before + 3);
    expect(client.calls.map((call) => call.path)).toEqual(['files/?removed=false&limit=1']);
    expect(await firstValueFrom(new FileList({ stored: true }, client).count())).toBe(beforeStored + 1);
    const removed = await firstValueFrom(new FileList({ removed: true }, client).count());
    expect(await firstValueFrom(new FileList({ removed: null }, client).count())).toBe(before + 3 + removed);
  });

  it('count() with since or until is an InvalidParamError, with no request (as in the seed)', async () => {
    await expectAsync(firstValueFrom(new FileList({ since: start }, client).count())).toBeRejectedWithError(InvalidParamError);
    await expectAsync(firstValueFrom(new FileList({ until: start }, client).count())).toBeRejectedWithError(InvalidParamError);
    expect(client.calls).toEqual([]);
  });

  it('checks options in the constructor, before any request', () => {
    const bad: ConstructorParameters<typeof FileList>[0][] = [
      { since: start, until: start },
      { limit: -1 },
      { limit: 1.5 },
      { requestLimit: 0 },
      { requestLimit: 1001 },
      { since: 'not a date' },
      { until: new Date(Number.NaN) },
      { stored: 'yes' as unknown as boolean },
      { removed: 1 as unknown as boolean },
      { include: 'everything' as 'appdata' },
    ];
    for (const options of bad) expect(() => new FileList(options, client)).toThrowError(InvalidParamError);
    expect(client.calls).toEqual([]);
    expect(() => new FileList({ requestLimit: 1000, limit: 10, since: start.toISOString() }, client)).not.toThrow();
  });

  it('asks for appdata with include', async () => {
    const files = await lastValueFrom(new FileList({ since: start, include: 'appdata', limit: 1 }, client).pipe(toArray()));
    expect(listCalls(client)[0]).toContain('include=appdata');
    const calls = client.calls.length;
    await firstValueFrom(files[0]!.info({ include: 'appdata' }));
    expect(client.calls.length).toBe(calls);
  });

  it('iterates with for await', async () => {
    const seen: string[] = [];
    for await (const file of new FileList({ since: start, requestLimit: 2 }, client)) seen.push(file.uuid);
    expect(seen).toEqual(uuids);
    client.calls.length = 0;
    for await (const file of new FileList({ since: start, requestLimit: 2 }, client)) {
      if (file.uuid === uuids[0]) break;
    }
    expect(listCalls(client).length).toBeLessThanOrEqual(2);
  });

  it('is cold: each subscription lists anew', async () => {
    const list = new FileList({ since: start }, client);
    await lastValueFrom(list.pipe(toArray()));
    await lastValueFrom(list.pipe(toArray()));
    expect(listCalls(client).length).toBe(2);
  });

  it('seed example: for f in FileList(removed=None): print f.datetime_uploaded()', async () => {
    const dates: (Date | null)[] = [];
    for await (const file of new FileList({ removed: null, since: start }, client)) dates.push(await firstValueFrom(file.datetimeUploaded()));
    expect(dates.length).toBe(5);
    expect(dates.every((date) => date instanceof Date)).toBeTrue();
  });
});
