import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Uploadcare } from '../lib/client.js';
import { File } from '../lib/resources/file.js';
import { FileGroup } from '../lib/resources/file-group.js';
import { FileList } from '../lib/resources/file-list.js';
import { GroupList } from '../lib/resources/group-list.js';
import { FileFromUrl } from '../lib/upload/file-from-url.js';
import { isUploadComplete } from '../lib/upload/events.js';
import { countingClient, type CountingClient } from './resources/support/clients.js';

// The client's factories: each is the class or function of the same name given this client, and sends through it.
describe('Uploadcare factories (resources and operations bound to the client)', () => {
  let uc: CountingClient;

  beforeEach(() => {
    uc = countingClient();
  });

  async function uploaded(text: string): Promise<File> {
    const events = await lastValueFrom(uc.uploadFile(new TextEncoder().encode(text), { filename: `${text}.txt`, store: true }).pipe(toArray()));
    const last = events[events.length - 1]!;
    if (!isUploadComplete(last)) throw new Error('no complete event');
    return last.file;
  }

  it('file() and group() build resources of this client without any request', () => {
    const file = uc.file('https://ucarecdn.com/a771f854-c2cb-408a-8c36-71af77811f3b/-/resize/x80/');
    expect(file).toBeInstanceOf(File);
    expect(file.uuid).toBe('a771f854-c2cb-408a-8c36-71af77811f3b');
    expect(file.defaultEffects).toBe('resize/x80/');
    expect(file.client).toBe(uc);
    const group = uc.group('a771f854-c2cb-408a-8c36-71af77811f3b~2');
    expect(group).toBeInstanceOf(FileGroup);
    expect(group.client).toBe(uc);
    expect(group.cdnUrl).toBe(`${uc.options.cdnBase}a771f854-c2cb-408a-8c36-71af77811f3b~2/`);
    expect(uc.calls).toEqual([]);
  });

  it('uploadFile() uploads through this client and completes with a File of it', async () => {
    const file = await uploaded('factory');
    expect(file.client).toBe(uc);
    expect(uc.calls.map((call) => `${call.api} ${call.method} ${call.path}`)).toEqual(['upload POST base/']);
    expect((await firstValueFrom(uc.file(file.uuid).info())).original_filename).toBe('factory.txt');
  });

  it('createGroup() groups files through this client, signed as asked', async () => {
    const files = [await uploaded('one'), await uploaded('two')];
    uc.calls.length = 0;
    // The demo project does not require signed uploads, so (as at Uploadcare) it ignores the made-up signature.
    await firstValueFrom(uc.createGroup(files, { signed: { expire: 4_102_444_800, signature: 'abc' } }));
    expect(uc.calls.find((call) => call.path === 'group/')?.data).toEqual(jasmine.objectContaining({ signature: 'abc', expire: '4102444800' }));
    const created = await firstValueFrom(uc.createGroup(files));
    expect(created.client).toBe(uc);
    expect((await firstValueFrom(created.info())).files?.map((file) => file?.uuid)).toEqual(files.map((file) => file.uuid));
    expect(uc.calls.filter((call) => call.path === 'group/').length).toBe(2);
  });

  it('uploadGroup() uploads and groups through this client', async () => {
    const events = await lastValueFrom(uc.uploadGroup([new TextEncoder().encode('a'), new TextEncoder().encode('bc')]).pipe(toArray()));
    const last = events[events.length - 1]!;
    if (last.type !== 'complete') throw new Error('no complete event');
    expect(last.group.client).toBe(uc);
    expect(last.files.every((file) => file.client === uc)).toBeTrue();
    expect(last.group.length).toBe(2);
  });

  it('uploadFromUrl() and uploadFromUrlSync() fetch through this client', async () => {
    const source = await uploaded('remote');
    const url = `${uc.options.cdnBase}${source.uuid}/`;
    const upload = await firstValueFrom(uc.uploadFromUrl(url, { store: true }));
    expect(upload).toBeInstanceOf(FileFromUrl);
    expect(upload.client).toBe(uc);
    const copy = await firstValueFrom(uc.uploadFromUrlSync(url, { filename: 'copy.txt', interval: 0.02 }));
    expect(copy.client).toBe(uc);
    expect((await firstValueFrom(copy.info())).original_filename).toBe('copy.txt');
  });

  it('fileList() and groupList() list through this client', async () => {
    const file = await uploaded('listed');
    await firstValueFrom(uc.createGroup([file]));
    uc.calls.length = 0;
    const list = uc.fileList({ stored: true, limit: 1000 });
    expect(list).toBeInstanceOf(FileList);
    const files = await lastValueFrom(list.pipe(toArray()));
    expect(files.some((listed) => listed.uuid === file.uuid && listed.client === uc)).toBeTrue();
    const groups = uc.groupList({ limit: 1000 });
    expect(groups).toBeInstanceOf(GroupList);
    expect((await lastValueFrom(groups.pipe(toArray()))).every((group) => group.client === uc)).toBeTrue();
    expect(uc.calls.length).toBeGreaterThan(0);
    expect(uc.calls.every((call) => call.api === 'rest')).toBeTrue();
  });

  it('storeFiles() and deleteFiles() go through this client', async () => {
    const file = await uploaded('batch');
    uc.calls.length = 0;
    const stored = await lastValueFrom(uc.storeFiles([file.uuid]).pipe(toArray()));
    expect(stored.map((result) => [result.uuid, result.ok])).toEqual([[file.uuid, true]]);
    const deleted = await lastValueFrom(uc.deleteFiles([file]).pipe(toArray()));
    expect(deleted.map((result) => [result.uuid, result.ok])).toEqual([[file.uuid, true]]);
    expect(uc.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['PUT files/storage/', 'DELETE files/storage/']);
    expect(await firstValueFrom(uc.file(file.uuid).isRemoved())).toBeTrue();
  });

  it('a bare Uploadcare has the same factories', () => {
    // The project's own CDN subdomain, derived from the public key (spec/cdn-base.spec.ts).
    expect(new Uploadcare({ publicKey: 'pk' }).file('a771f854-c2cb-408a-8c36-71af77811f3b').cdnUrl).toBe(
      'https://5v10hta7zn.ucarecd.net/a771f854-c2cb-408a-8c36-71af77811f3b/',
    );
  });
});
