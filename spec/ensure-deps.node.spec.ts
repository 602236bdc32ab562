import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const SCRIPT = resolve(__dirname, '../scripts/ensure-deps.mjs');

/** A lock file's `packages`, as npm writes them. */
type Packages = Record<string, { version?: string; optional?: boolean }>;

const LOCKED: Packages = {
  '': { version: '0.1.0' },
  'node_modules/rxjs': { version: '7.8.2' },
  'node_modules/@types/node': { version: '20.19.43' },
  'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', optional: true },
};

describe('scripts/ensure-deps.mjs (npm start and npm test install what is missing first)', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxuploadcare-deps-'));
    // A stand-in for npm on the PATH: it records its arguments instead of installing anything.
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'npm'), `#!/bin/sh\necho "$@" >> "${join(dir, 'npm-calls')}"\n`);
    chmodSync(join(dir, 'bin', 'npm'), 0o755);
    mkdirSync(join(dir, 'project'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function project(lock: Packages, installed: Packages | undefined): void {
    const root = join(dir, 'project');
    if (installed) {
      mkdirSync(join(root, 'node_modules'));
      writeFileSync(join(root, 'node_modules', '.package-lock.json'), JSON.stringify({ packages: installed }));
      const before = new Date(Date.now() - 60_000);
      utimesSync(join(root, 'node_modules', '.package-lock.json'), before, before);
    }
    // Written after the install, as a checkout or a pull leaves it.
    writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: lock }));
  }

  function ensure(): Promise<{ npm: string; stderr: string }> {
    return new Promise((done, fail) => {
      const env = { ...process.env, PATH: `${join(dir, 'bin')}${delimiter}${process.env['PATH'] ?? ''}` };
      execFile(process.execPath, [SCRIPT], { cwd: join(dir, 'project'), env }, (error, _stdout, stderr) => {
        if (error) return fail(error);
        const calls = join(dir, 'npm-calls');
        done({ npm: existsSync(calls) ? readFileSync(calls, 'utf8').trim() : '', stderr: stderr.trim() });
      });
    });
  }

  const { ['node_modules/@esbuild/darwin-arm64']: _otherPlatform, ...installedHere } = LOCKED;

  it('does not reinstall when node_modules holds what the lock file asks for, however new the lock file is', async () => {
    project(LOCKED, installedHere);
    expect(await ensure()).toEqual({ npm: '', stderr: '' });
  });

  it('runs npm ci when a package is at another version, and says which', async () => {
    project(LOCKED, { ...installedHere, 'node_modules/rxjs': { version: '7.8.1' } });
    const { npm, stderr } = await ensure();
    expect(npm).toBe('ci --no-audit --no-fund');
    expect(stderr).toBe('package-lock.json asks for rxjs@7.8.2, not installed: running npm ci');
  });

  it('runs npm ci when a package is missing, or node_modules is', async () => {
    const { ['node_modules/@types/node']: _missing, ...partial } = installedHere;
    project(LOCKED, partial);
    expect((await ensure()).stderr).toBe('package-lock.json asks for @types/node@20.19.43, not installed: running npm ci');
    rmSync(join(dir, 'project', 'node_modules'), { recursive: true });
    rmSync(join(dir, 'npm-calls'));
    expect(await ensure()).toEqual({ npm: 'ci --no-audit --no-fund', stderr: 'node_modules is missing: running npm ci' });
  });
});
