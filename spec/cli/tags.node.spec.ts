import { jsonLines, useCliAgainstEmulator } from './support/cli-emulator.js';

// `ucare tags` and `--tags` on uploads, with the BUILT CLI against an emulator started here.
describe('ucare tags (built) against the emulator', () => {
  const cli = useCliAgainstEmulator();
  const { ucare } = cli;
  const json = jsonLines;
  const upload = (...flags: string[]): Promise<string> => cli.upload('tagged.txt', `tagged ${Math.random()}`, ...flags);

  it('uploads with --tags, shows, adds, removes, sets and clears tags', async () => {
    const uuid = await upload('--tags=Cat,animal');
    expect((await ucare('tags', uuid)).stdout).toBe('cat animal\n');
    expect((await ucare('get', uuid)).stdout).toMatch(/^tags: +cat animal$/m);
    const edited = await ucare('tags', uuid, '--add', 'dog', 'pet', '--remove', 'cat');
    expect(edited.code).withContext(edited.stderr).toBe(0);
    expect(edited.stdout).toBe('animal dog pet\n+dog\n+pet\n-cat\n');
    expect(json(await ucare('--json', 'tags', uuid, '--set', 'one,two'))).toEqual([{ uuid, tags: ['one', 'two'], added: ['one', 'two'], deleted: ['animal', 'dog', 'pet'] }]);
    expect(json(await ucare('--json', 'tags', uuid))).toEqual([{ uuid, tags: ['one', 'two'] }]);
    expect((await ucare('tags', uuid, '--clear')).stdout).toBe('\n-one\n-two\n');
  });

  it('tags an upload from a URL', async () => {
    const source = await upload();
    const run = await ucare('--json', 'upload_from_url', '--tags=fetched', `${cli.emulator.url}/${source}/`);
    expect(run.code).withContext(run.stderr).toBe(0);
    const uuid = json(run)[0]?.['uuid'] as string;
    expect((await ucare('tags', uuid)).stdout).toBe('fetched\n');
  });

  it('refuses mixed changes and bad tags as usage errors (2) before any request; an unknown file is "not found" (4)', async () => {
    const uuid = await upload();
    const before = cli.emulator.requests.list().length;
    const mixed = await ucare('tags', uuid, '--set', 'a', '--add', 'b');
    expect([mixed.code, mixed.stderr]).toEqual([2, jasmine.stringMatching(/one of --set, --clear, or --add\/--remove/)]);
    expect((await ucare('tags', uuid, '--add', 'no@way')).code).toBe(2);
    expect(cli.emulator.requests.list().length).toBe(before);
    expect((await ucare('tags', '00000000-0000-4000-8000-000000000000')).code).toBe(4);
  });
});
