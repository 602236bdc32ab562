import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtCli, tempDir } from './support/built-cli.js';

const DOC = resolve(__dirname, '../../docs/cli.md');

/** The shell block that follows `<!-- session -->` in docs/cli.md. */
function sessionScript(): string {
  const text = readFileSync(DOC, 'utf8');
  const found = /<!-- session -->\n```sh\n([\s\S]*?)\n```/.exec(text);
  if (!found) throw new Error('docs/cli.md has no <!-- session --> block');
  return found[1] as string;
}

describe('docs/cli.md session', () => {
  it('runs as pasted, with bash -e, against the built CLI', async () => {
    const main = await builtCli();
    // A stand-in for the clone: its dist/cjs is the spec's private build (`npm run build` would empty the shared
    // dist/ under other runs), so the session's build line is the only one left out.
    const repo = tempDir('ucare-clone-');
    mkdirSync(join(repo, 'dist'));
    symlinkSync(dirname(dirname(main)), join(repo, 'dist', 'cjs'));
    const script = sessionScript();
    expect(script.split('\n')[0]).toBe('npm run build --silent');
    const runnable = script.split('\n').slice(1).join('\n');

    const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', runnable], {
      cwd: repo,
      env: { PATH: process.env['PATH'] ?? '', HOME: tempDir('ucare-home-') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((done) => child.on('close', done));

    expect(code).withContext(`${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/^[0-9a-f-]{36} {2}hello\.txt$/m);
    expect(stdout).toMatch(/^[0-9a-f-]{36} {2}big\.bin$/m);
    expect(stdout).toMatch(/^group id:\s+[0-9a-f-]{36}~2$/m);
    expect(stdout).toMatch(/^backup\/[0-9a-f-]{36}:\nbig\.bin$/m);
    expect(stdout).toMatch(/^stored {3}[0-9a-f-]{36}$/m);
    expect(stdout).toMatch(/^deleted {2}[0-9a-f-]{36}$/m);
    expect(stdout).toContain('exit code 4');
    expect(stderr).toMatch(/^ERROR: .*not found/im);
  }, 180_000);
});
