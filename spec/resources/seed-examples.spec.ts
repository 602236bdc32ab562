import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { defaultCdnBase } from '../../lib/cdn-base.js';
import { conf, type SeedConf } from '../../lib/conf.js';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { FileList } from '../../lib/resources/file-list.js';
import { GroupList } from '../../lib/resources/group-list.js';
import { restRequest, uploadingRequest } from '../../lib/seed-requests.js';
import { testEnv } from '../support/test-env.js';
import { uploadTestFiles } from './support/uploads.js';

// The examples of seed/pyuploadcare-api.txt, in camelCase and as Observables, through the global `conf`.
describe('seed examples', () => {
  let saved: SeedConf;

  beforeEach(() => {
    saved = { ...conf };
  });

  afterEach(() => {
    Object.assign(conf, saved);
  });

  function useEmulator(): void {
    const base = `${testEnv().emulatorUrl}/`;
    Object.assign(conf, { pubKey: 'demopublickey', secret: 'demosecretkey', apiBase: base, uploadBase: base, cdnBase: base });
  }

  it("f = File('6c5e9526-...'); f.cdn_url", () => {
    conf.pubKey = '<your public key>';
    conf.secret = '<your private key>';
    const f = new File('6c5e9526-b0fe-4739-8975-72e8d5ee6342');
    // Since September 2025 a project's files are on its own subdomain, derived from the public key (the seed predates it).
    expect(f.cdnUrl).toBe(`${defaultCdnBase('<your public key>')}6c5e9526-b0fe-4739-8975-72e8d5ee6342/`);
    expect(new URL(f.cdnUrl).hostname).toMatch(/^[0-9a-z]{10}\.ucarecd\.net$/);
  });

  it('File takes a UUID or a CDN URL; print shows the CDN URL', () => {
    expect(new File('a771f854-c2cb-408a-8c36-71af77811f3b').cdnUrl).toBe('https://ucarecdn.com/a771f854-c2cb-408a-8c36-71af77811f3b/');
    expect(String(new File('https://ucarecdn.com/a771f854-c2cb-408a-8c36-71af77811f3b/-/effect/flip/'))).toBe(
      'https://ucarecdn.com/a771f854-c2cb-408a-8c36-71af77811f3b/-/effect/flip/',
    );
  });

  it("file_.default_effects = 'effect/flip/-/effect/mirror/'", () => {
    const file = new File('a771f854-c2cb-408a-8c36-71af77811f3b');
    file.defaultEffects = 'effect/flip/-/effect/mirror/';
    expect(file.cdnUrl).toBe('https://ucarecdn.com/a771f854-c2cb-408a-8c36-71af77811f3b/-/effect/flip/-/effect/mirror/');
  });

  it('File.construct_from(file_info)', () => {
    const file = File.constructFrom({ uuid: '1921953c-5d94-4e47-ba36-c2e1dd165e1a' } as Parameters<typeof File.constructFrom>[0]);
    expect(file.uuid).toBe('1921953c-5d94-4e47-ba36-c2e1dd165e1a');
  });

  it("FileGroup('0513dda0-...~2'): cdn_url, file_cdn_urls[0], len", () => {
    const fileGroup = new FileGroup('0513dda0-582f-447d-846f-096e5df9e2bb~2');
    expect(fileGroup.cdnUrl).toBe('https://ucarecdn.com/0513dda0-582f-447d-846f-096e5df9e2bb~2/');
    expect(fileGroup.fileCdnUrls[0]).toBe('https://ucarecdn.com/0513dda0-582f-447d-846f-096e5df9e2bb~2/nth/0/');
    expect(fileGroup.length).toBe(2);
    expect(() => fileGroup.slice()).toThrowError(TypeError, 'slicing is not supported');
  });

  it('[file_ for file_ in file_group] is [File, None] when the second file was deleted; file_group[1] is None', async () => {
    useEmulator();
    const [one, two] = (await uploadTestFiles(2)).map((uuid) => new File(uuid));
    const fileGroup = await firstValueFrom(FileGroup.create([one!, two!]));
    await firstValueFrom(two!.delete());
    const files = await lastValueFrom(fileGroup.files().pipe(toArray()));
    expect(files.map((file) => file?.uuid ?? null)).toEqual([one!.uuid, null]);
    expect((await firstValueFrom(fileGroup.at(0)))?.uuid).toBe(one!.uuid);
    expect(await firstValueFrom(fileGroup.at(1))).toBeNull();
    expect(fileGroup.length).toBe(2);
  });

  it('FileGroup.create((file_1, file_2))', async () => {
    useEmulator();
    const [file1, file2] = (await uploadTestFiles(2)).map((uuid) => new File(uuid));
    const group = await firstValueFrom(FileGroup.create([file1!, file2!]));
    expect(group.id).toMatch(/^[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}~2$/);
  });

  it("print('Number of stored files is', FileList(stored=True).count())", async () => {
    useEmulator();
    const before = await firstValueFrom(new FileList({ stored: true }).count());
    await uploadTestFiles(1, { store: true });
    expect(await firstValueFrom(new FileList({ stored: true }).count())).toBe(before + 1);
  });

  it("print('Number of groups is', GroupList().count())", async () => {
    useEmulator();
    expect(await firstValueFrom(new GroupList().count())).toEqual(jasmine.any(Number));
  });

  it("rest_request('GET', 'files/?limit=10'), then uploading_request('POST', 'base/') and File(uuid)", async () => {
    useEmulator();
    const page = (await firstValueFrom(restRequest('GET', 'files/?limit=10'))) as { results: unknown[]; next: string | null };
    expect(page.results.length).toBeLessThanOrEqual(10);
    const answer = (await firstValueFrom(uploadingRequest('POST', 'base/', {}, { file: new TextEncoder().encode('photo') }))) as { file: string };
    const file = new File(answer.file);
    expect(await firstValueFrom(file.size())).toBe(5);
  });

  it('the seed (and the default client) follow conf as it changes', () => {
    const file = new File('a771f854-c2cb-408a-8c36-71af77811f3b');
    conf.cdnBase = 'https://cdn.example.com/';
    expect(file.cdnUrl).toBe('https://cdn.example.com/a771f854-c2cb-408a-8c36-71af77811f3b/');
  });
});
