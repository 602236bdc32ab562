import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
/**
 * A private output directory: `npm run build` empties dist/, which other builds in this tree may do at any time. Not
 * under node_modules/: that may be one install shared by several checkouts, whose builds would overwrite each other.
 */
const OUT = join(ROOT, 'build', 'ucare-cli-spec', 'cjs');
const MAIN = join(OUT, 'cli', 'main.js');

let building: Promise<string> | undefined;

/**
 * Builds the package as `npm run build` does for dist/cjs (tsc with tsconfig.cjs.json), into a private directory,
 * once per test run; resolves with the path of the built `cli/main.js`. Type errors in the CLI fail the build; type
 * errors elsewhere (another module mid-edit) are only reported, since tsc still emits.
 */
export function builtCli(): Promise<string> {
  // spec/support/run-node.ts builds dist/ once before the shards start and says so: use that build as it is.
  if (process.env['RXUC_DIST_BUILT'] === '1') return Promise.resolve(join(ROOT, 'dist', 'cjs', 'cli', 'main.js'));
  building ??= builtEmulator().then(() => compileCli());
  return building;
}

/**
 * The CLI loads the emulator package by name (node_modules/rxuploadcare-emulator, the workspace): its build, and its
 * declarations for tsc, must be there. `npm run build` builds it (and skips when it is up to date).
 */
function builtEmulator(): Promise<void> {
  return new Promise<void>((done, fail) => {
    execFile(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`npm run build failed:\n${stdout}${stderr}`));
      else done();
    });
  });
}

function compileCli(): Promise<string> {
  return new Promise<string>((done, fail) => {
    const args = ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.cjs.json', '--outDir', OUT, '--declaration', 'false', '--sourceMap', 'false'];
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout) => {
      const cliErrors = stdout.split('\n').filter((line) => line.startsWith('lib/cli/'));
      if (cliErrors.length > 0) return fail(new Error(`The CLI does not compile:\n${cliErrors.join('\n')}`));
      if (error && stdout.trim() !== '') console.warn(`\n[cli specs] tsc reported errors outside lib/cli:\n${stdout.slice(0, 2000)}`);
      if (!existsSync(MAIN)) return fail(new Error(`tsc did not emit ${MAIN}:\n${stdout}`));
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, 'package.json'), '{"type":"commonjs"}\n');
      done(MAIN);
    });
  });
}

/** What a finished CLI run printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and with what environment the CLI runs. HOME is an empty temporary directory unless given. */
export interface CliRunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** A fresh empty directory. */
export function tempDir(prefix = 'ucare-spec-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

function childEnv(options: CliRunOptions): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '', HOME: tempDir('ucare-home-'), ...options.env };
}

/** Starts the built CLI as a child process (stdout and stderr are pipes, so never a terminal). */
export async function spawnCli(args: readonly string[], options: CliRunOptions = {}): Promise<ChildProcess> {
  const main = await builtCli();
  return spawn(process.execPath, [main, ...args], { cwd: options.cwd ?? tempDir(), env: childEnv(options), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the built CLI to its end. */
export async function runCli(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  const child = await spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', (exitCode) => done(exitCode)));
  return { code, stdout, stderr };
}

/** The lines of a text, without the empty last one. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
}

/** Gives each spec of the enclosing `describe` `ms` to run: every CLI run starts Node, slow on a busy machine. */
export function useCliTimeout(ms = 120_000): void {
  let previous = jasmine.DEFAULT_TIMEOUT_INTERVAL;
  beforeAll(() => {
    previous = jasmine.DEFAULT_TIMEOUT_INTERVAL;
    jasmine.DEFAULT_TIMEOUT_INTERVAL = ms;
  });
  afterAll(() => {
    jasmine.DEFAULT_TIMEOUT_INTERVAL = previous;
  });
}
