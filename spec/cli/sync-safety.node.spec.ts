import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { builtCli, type CliRun, lines, runCli, tempDir, useCliTimeout } from './support/built-cli.js';
import { startSourceServer, type SourceServer } from './support/source-server.js';

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort();
}

// Hostile filenames reach the emulator the way they would reach Uploadcare: the CLI's own `upload_from_url` with a
// source URL whose last segment decodes to the name (the service names the file after it).
const HOSTILE: Record<string, string> = {
  '..%2Fescape.txt': '../escape.txt',
  '..%2F..%2F..%2Fdeep-escape.txt': '../../../deep-escape.txt',
  '%2Fabsolute.txt': '/absolute.txt',
  '..%5Cwindows.txt': '..\\windows.txt',
  'nul%00byte.txt': 'nul\u0000byte.txt',
  CON: 'CON',
  'aux.txt': 'aux.txt',
  'trailing.': 'trailing.',
};

describe('ucare sync with hostile filenames', () => {
  useCliTimeout();
  let emulator: RunningEmulator;
  let source: SourceServer;
  const uploaded = new Map<string, string>(); // filename -> uuid
  const ucare = (cwd: string, ...args: string[]): Promise<CliRun> => runCli(['--api_base', `${emulator.url}/`, ...args], { cwd });

  beforeAll(async () => {
    await builtCli();
    emulator = await startEmulator({ port: 0 });
    source = await startSourceServer('synced bytes\n');
    const work = tempDir();
    for (const segment of [...Object.keys(HOSTILE), 'good.txt']) {
      const run = await ucare(work, '--json', 'upload_from_url', '--store', `${source.url}/${segment}`);
      expect(run.code).withContext(`${segment}: ${run.stderr}`).toBe(0);
      const uuid = (JSON.parse(lines(run.stdout)[0] as string) as { uuid: string }).uuid;
      const info = JSON.parse(lines((await ucare(work, '--json', 'get', uuid)).stdout)[0] as string) as { original_filename: string };
      uploaded.set(info.original_filename, uuid);
    }
  }, 300_000);

  afterAll(async () => {
    await Promise.all([emulator?.close(), source?.close()]);
  });

  it('the emulator kept the hostile names as given', () => {
    expect([...uploaded.keys()].sort()).toEqual([...Object.values(HOSTILE), 'good.txt'].sort());
  });

  it('writes nothing outside the target directory and skips each hostile file with a message', async () => {
    const sandbox = tempDir('ucare-sandbox-');
    const cwd = join(sandbox, 'a', 'b', 'c');
    mkdirSync(cwd, { recursive: true });
    const run = await ucare(cwd, 'sync', 'out/${filename}');
    expect(run.code).withContext(run.stderr).toBe(0);
    expect(filesUnder(sandbox)).toEqual(['a/b/c/out/good.txt']);
    expect(readFileSync(join(cwd, 'out', 'good.txt'), 'utf8')).toBe('synced bytes\n');
    for (const name of Object.values(HOSTILE)) {
      const uuid = uploaded.get(name) as string;
      expect(run.stderr).withContext(JSON.stringify(name)).toContain(`skipped ${uuid} (${JSON.stringify(name)}): filename refused: `);
    }
    expect(lines(run.stdout)).toEqual([`${uploaded.get('good.txt')}  out/good.txt`]);
  });

  it('keeps hostile names out of deeper patterns and extensions too', async () => {
    const cwd = tempDir();
    const run = await ucare(cwd, 'sync', 'files/${uuid}/${filename}');
    expect(run.code).withContext(run.stderr).toBe(0);
    expect(filesUnder(cwd)).toEqual([`files/${uploaded.get('good.txt')}/good.txt`]);

    // ${uuid}${ext}: the extension of a hostile name is refused with the name.
    const flat = tempDir();
    const ext = await ucare(flat, 'sync', 'd/${uuid}${ext}');
    expect(ext.code).toBe(0);
    expect(filesUnder(flat)).toEqual([`d/${uploaded.get('good.txt')}.txt`]);
  });

  it('saves every file under its UUID with the default pattern: no server name is used as a path', async () => {
    const cwd = tempDir();
    const run = await ucare(cwd, 'sync');
    expect(run.code).withContext(run.stderr).toBe(0);
    // Names made of the UUID and the extension of a safe name only.
    const saved = filesUnder(cwd);
    expect(saved).toContain(`${uploaded.get('good.txt')}.txt`);
    expect(saved.every((path) => /^[0-9a-f-]{36}(\.[a-z]+)?$/.test(path))).withContext(saved.join(', ')).toBeTrue();
    for (const path of saved) expect(relative(cwd, join(cwd, path)).startsWith('..')).toBeFalse();
  });

  it('reports the skipped files in the JSON stream with --json', async () => {
    const cwd = tempDir();
    const run = await ucare(cwd, '--json', 'sync', '${filename}');
    const documents = lines(run.stdout).map((line) => JSON.parse(line) as { uuid: string; skipped?: string; path?: string });
    const skipped = documents.filter((doc) => doc.skipped).map((doc) => doc.uuid).sort();
    expect(skipped).toEqual(Object.values(HOSTILE).map((name) => uploaded.get(name) as string).sort());
    expect(documents.filter((doc) => doc.path).map((doc) => relative(cwd, doc.path as string))).toEqual(['good.txt']);
  });

  it('syncs only --uuids, applying --effects to images only', async () => {
    const cwd = tempDir();
    const good = uploaded.get('good.txt') as string;
    const run = await ucare(cwd, 'sync', 'only', '--effects', 'resize/10x/', '--uuids', good);
    expect(run.code).withContext(run.stderr).toBe(0);
    // A text file is not an image: no effects, so the plain default name.
    expect(filesUnder(cwd)).toEqual([`only/${good}.txt`]);
  });
});
