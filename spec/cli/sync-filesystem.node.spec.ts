import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { builtCli, type CliRun, lines, runCli, tempDir, useCliTimeout } from './support/built-cli.js';

/** Every entry under `dir` (files, directories and links), as paths relative to it. */
function entriesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/** A legal name of `bytes` bytes: too long for the old temporary name (`.<name>.ucare-<pid>-<random>.part`). */
function longName(bytes: number): string {
  return `${'n'.repeat(bytes - 4)}.txt`;
}

// Issue 13 item 2 (a failed download crashed sync and left .part files) and item 13 (sync followed symbolic links
// already in the target folder). The files are uploaded by the built CLI, under their local names.
describe('ucare sync on a hostile or conflicting file system', () => {
  useCliTimeout();
  let emulator: RunningEmulator;
  const uuids = new Map<string, string>(); // filename -> uuid
  const ucare = (cwd: string, ...args: string[]): Promise<CliRun> => runCli(['--api_base', `${emulator.url}/`, ...args], { cwd });
  const uuidOf = (name: string): string => uuids.get(name) as string;

  beforeAll(async () => {
    await builtCli();
    emulator = await startEmulator({ port: 0 });
    const work = tempDir();
    for (const name of ['good.txt', 'other.txt', longName(250)]) {
      writeFileSync(join(work, name), `bytes of ${name.slice(0, 20)}\n`);
      const run = await ucare(work, '--json', 'upload', '--store', name);
      expect(run.code).withContext(run.stderr).toBe(0);
      uuids.set(name, (JSON.parse(lines(run.stdout)[0] as string) as { uuid: string }).uuid);
    }
  }, 300_000);

  afterAll(async () => {
    await emulator?.close();
  });

  it('saves a file whose legal name is 250 bytes long, and leaves no temporary file', async () => {
    const cwd = tempDir();
    const run = await ucare(cwd, 'sync', 'out/${filename}');
    expect(run.code).withContext(run.stderr).toBe(0);
    expect(entriesUnder(join(cwd, 'out'))).toEqual([longName(250), 'good.txt', 'other.txt'].sort());
  });

  it('reports a file whose directory is a file of an earlier sync, goes on with the others, exits non-zero, leaves no .part', async () => {
    const cwd = tempDir();
    const first = await ucare(cwd, 'sync', 'out/${uuid}', '--uuids', uuidOf('good.txt'));
    expect(first.code).withContext(first.stderr).toBe(0);

    const second = await ucare(cwd, 'sync', 'out/${uuid}/${filename}');
    expect(second.code).withContext(second.stderr).toBe(1);
    expect(second.stderr).toContain(`ERROR: ${uuidOf('good.txt')}: `);
    expect(second.stderr).toMatch(/is not a directory/);
    expect(second.stderr).toContain('ERROR: 1 of 3 files failed to download');
    expect(entriesUnder(join(cwd, 'out'))).toEqual(
      [uuidOf('good.txt'), uuidOf('other.txt'), `${uuidOf('other.txt')}/other.txt`, uuidOf(longName(250)), `${uuidOf(longName(250))}/${longName(250)}`].sort(),
    );
    expect(statSync(join(cwd, 'out', uuidOf('good.txt'))).isFile()).toBeTrue();
  });

  it('reports a --uuids file the server does not know, syncs the others, and exits "not found" (4)', async () => {
    const cwd = tempDir();
    const missing = '00000000-0000-4000-8000-000000000001';
    const run = await ucare(cwd, 'sync', 'out', '--concurrency', '1', '--uuids', missing, uuidOf('good.txt'));
    expect(run.code).withContext(run.stderr).toBe(4);
    expect(run.stderr).toContain(`ERROR: ${missing}: `);
    expect(run.stderr).toContain('ERROR: 1 of 2 files failed to download');
    expect(entriesUnder(join(cwd, 'out'))).toEqual([`${uuidOf('good.txt')}.txt`]);
  });

  it('never writes through a symbolic link planted below the target folder', async () => {
    const sandbox = tempDir('ucare-sandbox-');
    const cwd = join(sandbox, 'work');
    mkdirSync(join(cwd, 'out'), { recursive: true });
    mkdirSync(join(sandbox, 'outside'));
    symlinkSync(join('..', '..', 'outside'), join(cwd, 'out', uuidOf('good.txt')));

    const run = await ucare(cwd, 'sync', 'out/${uuid}/${filename}');
    expect(run.code).withContext(run.stderr).toBe(1);
    expect(run.stderr).toContain(`ERROR: ${uuidOf('good.txt')}: `);
    expect(run.stderr).toMatch(/is a symbolic link/);
    expect(readdirSync(join(sandbox, 'outside'))).toEqual([]);
    expect(lines(run.stdout).length).toBe(2);
  });

  it('takes a symbolic link under the final name for an existing file, and --replace replaces the link, not its target', async () => {
    const sandbox = tempDir('ucare-sandbox-');
    const cwd = join(sandbox, 'work');
    mkdirSync(join(cwd, 'out'), { recursive: true });
    writeFileSync(join(sandbox, 'victim.txt'), 'untouched\n');
    const name = `${uuidOf('good.txt')}.txt`;
    symlinkSync(join('..', '..', 'victim.txt'), join(cwd, 'out', name));

    const kept = await ucare(cwd, 'sync', 'out', '--uuids', uuidOf('good.txt'));
    expect(kept.code).withContext(kept.stderr).toBe(0);
    expect(kept.stderr).toContain('exists (use --replace)');

    const replaced = await ucare(cwd, 'sync', 'out', '--replace', '--uuids', uuidOf('good.txt'));
    expect(replaced.code).withContext(replaced.stderr).toBe(0);
    expect(readFileSync(join(sandbox, 'victim.txt'), 'utf8')).toBe('untouched\n');
    expect(readFileSync(join(cwd, 'out', name), 'utf8')).toBe('bytes of good.txt\n');
  });
});
