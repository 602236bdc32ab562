import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { announcedUrl, spawnEmulator, type EmulatorProcess } from '../../emulator/spec/ops/support.js';
import { recordFigures } from './support/figures.js';

// The secret key and the output of the two programs that hold one: the emulator (given a project with its own secret)
// and the `ucare` CLI (given the secret in its environment, as documented), both as child processes, under
// throttling and server errors, through successes and failures. Nothing either prints may contain the secret.

const SECRET = 'chaos-Cli-Secret-5b8e01c2f7';
const PUBLIC_KEY = 'chaoscliproject';
const ROOT = resolve(__dirname, '../..');

interface CliRun {
  readonly args: readonly string[];
  readonly code: number | null;
  readonly output: string;
}

function ucare(args: readonly string[], env: Record<string, string>, cwd: string): Promise<CliRun> {
  return new Promise((done) => {
    // tsx by file URL: the CLI runs in a temporary directory, where the bare name would not resolve.
    const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', tsx, join(ROOT, 'lib/cli/main.ts'), ...args], {
      cwd,
      env: { ...process.env, HOME: cwd, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('close', (code) => done({ args, code, output }));
  });
}

describe('chaos: the secret key in the output of the emulator and the CLI', () => {
  let emulator: EmulatorProcess;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxuc-chaos-cli-'));
    emulator = await spawnEmulator([
      '--port', '0',
      '--project', `${PUBLIC_KEY}:${SECRET}`,
      '--fault-seed', '11', '--throttle-rate', '0.2', '--retry-after', '0', '--error-rate', '0.1',
    ]);
  }, 30_000);

  afterAll(async () => {
    emulator.child.kill('SIGTERM');
    await emulator.exited;
    await rm(dir, { recursive: true, force: true });
  });

  it('is printed by neither, whatever they meet', async () => {
    const url = await announcedUrl(emulator);
    await writeFile(join(dir, 'hello.txt'), 'hello');
    const env = { UPLOADCARE_PUBLIC_KEY: PUBLIC_KEY, UPLOADCARE_SECRET_KEY: SECRET, UPLOADCARE_API_BASE: `${url}/` };
    const runs = await Promise.all([
      ucare(['--no-progress', 'upload', 'hello.txt'], env, dir),
      ucare(['list'], env, dir),
      ucare(['get', 'a771f854-c2cb-408a-8c36-71af77811f3b'], env, dir),
      ucare(['store', 'not-a-uuid'], env, dir),
      ucare(['list'], { ...env, UPLOADCARE_PUBLIC_KEY: 'nosuchkey' }, dir),
      ucare(['--json', 'list_groups'], env, dir),
    ]);
    const failures = runs.filter((run) => run.code !== 0).length;
    // The CLI really ran: it answered (exit codes 0-5 are its own), some commands succeeded, some failed.
    expect(runs.map((run) => run.code)).toEqual(runs.map(() => jasmine.any(Number)));
    expect(runs.filter((run) => run.code === null || run.code > 5 || /ERR_MODULE_NOT_FOUND|SyntaxError/.test(run.output))).toEqual([]);
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(runs.length);
    expect(runs.filter((run) => run.output.includes(SECRET)).map((run) => run.args.join(' '))).toEqual([]);
    emulator.child.kill('SIGTERM');
    await emulator.exited;
    expect(emulator.stdout()).toContain('listening on');
    expect(emulator.stdout() + emulator.stderr()).not.toContain(SECRET);
    await recordFigures('secrets-processes', {
      title: 'The secret key in program output',
      figures: {
        'ucare runs (failed)': `${runs.length} (${failures})`,
        'ucare output bytes inspected': runs.reduce((sum, run) => sum + run.output.length, 0),
        'emulator output bytes inspected': emulator.stdout().length + emulator.stderr().length,
        'outputs containing the secret': runs.filter((run) => run.output.includes(SECRET)).length + ((emulator.stdout() + emulator.stderr()).includes(SECRET) ? 1 : 0),
      },
    });
  }, 60_000);
});
