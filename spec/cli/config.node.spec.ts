import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { builtCli, lines, runCli, tempDir, useCliTimeout } from './support/built-cli.js';

// Which project the CLI talks to shows which key won: each project holds one file named after it.
const PROJECTS = ['home', 'local', 'env', 'arg'].map((name) => ({ name, publicKey: `${name}-public`, secretKey: `${name}-secret` }));

describe('ucare configuration precedence (built CLI)', () => {
  useCliTimeout();
  let emulator: RunningEmulator;
  let api: string;

  const ini = (name: string) => `[ucare]\npub_key = ${name}-public\nsecret = ${name}-secret\napi_base = ${api}\n`;

  /** Lists files with the given config sources; resolves with the project names whose files were listed. */
  async function projectUsed(sources: { home?: boolean; local?: boolean; env?: boolean; args?: boolean }): Promise<string[]> {
    const home = tempDir('ucare-home-');
    const cwd = tempDir();
    if (sources.home) writeFileSync(join(home, '.uploadcare'), ini('home'));
    if (sources.local) writeFileSync(join(cwd, 'uploadcare.ini'), ini('local'));
    const env: Record<string, string> = { HOME: home };
    if (sources.env) Object.assign(env, { UPLOADCARE_PUBLIC_KEY: 'env-public', UPLOADCARE_SECRET_KEY: 'env-secret', UPLOADCARE_API_BASE: api });
    const args = sources.args ? ['--public-key', 'arg-public', '--secret_key', 'arg-secret', '--api-base', api] : [];
    const run = await runCli([...args, '--json', 'list'], { cwd, env });
    expect(run.code).withContext(run.stderr).toBe(0);
    return lines(run.stdout).map((line) => (JSON.parse(line) as { original_filename: string }).original_filename.replace('.txt', ''));
  }

  beforeAll(async () => {
    await builtCli();
    emulator = await startEmulator({ port: 0, projects: PROJECTS });
    api = `${emulator.url}/`;
    const work = tempDir();
    for (const { name, publicKey, secretKey } of PROJECTS) {
      writeFileSync(join(work, `${name}.txt`), name);
      const run = await runCli(['--api_base', api, '--pub_key', publicKey, '--secret', secretKey, 'upload', `${name}.txt`], { cwd: work });
      expect(run.code).withContext(run.stderr).toBe(0);
    }
  }, 180_000);

  afterAll(async () => {
    await emulator?.close();
  });

  it('reads ~/.uploadcare', async () => {
    expect(await projectUsed({ home: true })).toEqual(['home']);
  });

  it('lets ./uploadcare.ini override ~/.uploadcare (read after it, as the seed does)', async () => {
    expect(await projectUsed({ home: true, local: true })).toEqual(['local']);
  });

  it('lets the environment override the files', async () => {
    expect(await projectUsed({ home: true, local: true, env: true })).toEqual(['env']);
  });

  it('lets arguments override everything', async () => {
    expect(await projectUsed({ home: true, local: true, env: true, args: true })).toEqual(['arg']);
    expect(await projectUsed({ args: true })).toEqual(['arg']);
  });

  it('mixes sources key by key', async () => {
    const home = tempDir('ucare-home-');
    writeFileSync(join(home, '.uploadcare'), `[ucare]\napi_base = ${api}\nsecret = env-secret\n`);
    const run = await runCli(['--json', 'list'], { cwd: tempDir(), env: { HOME: home, UPLOADCARE_PUBLIC_KEY: 'env-public' } });
    expect(run.code).withContext(run.stderr).toBe(0);
    expect(run.stdout).toContain('"original_filename":"env.txt"');
  });
});
