import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '..');

/**
 * What every loader runs with the package it loaded (`lib`, `emulator`, `rxjs`): a real round trip on an emulator
 * through the client's factories, printed as JSON. The same text goes into a CommonJS and an ES module script.
 */
const WORKLOAD = `
async function workload(lib, emulatorLib, rxjs) {
  const { firstValueFrom, lastValueFrom, toArray } = rxjs;
  const emulator = await emulatorLib.startEmulator({ port: 0 });
  try {
    const base = emulator.url + '/';
    const uc = new lib.Uploadcare({ publicKey: 'demopublickey', secretKey: 'demosecretkey', restBase: base, uploadBase: base, cdnBase: base });
    const events = await lastValueFrom(uc.uploadFile(new TextEncoder().encode('hello'), { filename: 'hello.txt', store: true }).pipe(toArray()));
    const file = events[events.length - 1].file;
    const info = await firstValueFrom(uc.file(file.uuid).info());
    const group = await firstValueFrom(uc.createGroup([file, uc.file(file.uuid)], { signed: true }));
    const viaStatic = await firstValueFrom(lib.FileGroup.create([file], uc));
    const copy = await firstValueFrom(uc.uploadFromUrlSync(base + file.uuid + '/', { interval: 0.02 }));
    const listed = await lastValueFrom(uc.fileList().pipe(toArray()));
    const groups = await lastValueFrom(uc.groupList().pipe(toArray()));
    const deleted = await lastValueFrom(uc.deleteFiles([copy]).pipe(toArray()));
    const missing = await firstValueFrom(uc.file('00000000-0000-4000-8000-000000000000').info()).catch((error) => error);
    return {
      uploaded: file instanceof lib.File && file.client === uc,
      filename: info.original_filename,
      groupLength: group.length,
      groupIsFileGroup: group instanceof lib.FileGroup && viaStatic instanceof lib.FileGroup,
      listed: listed.map((entry) => entry.uuid).sort(),
      expectedListed: [file.uuid, copy.uuid].sort(),
      groups: groups.length,
      deleted: deleted.map((result) => result.ok),
      notFound: missing instanceof lib.InvalidRequestError && missing instanceof lib.UploadcareException ? missing.status : String(missing),
      nodeEntry: typeof lib.fromPath === 'function',
    };
  } finally {
    await emulator.close();
  }
}
`;

/** A CommonJS script loading the package with require(). */
function cjsScript(libSpecifier: string, emulatorSpecifier: string): string {
  return `${WORKLOAD}
const lib = require(${JSON.stringify(libSpecifier)});
const emulatorLib = require(${JSON.stringify(emulatorSpecifier)});
const resolved = [require.resolve(${JSON.stringify(libSpecifier)}), require.resolve(${JSON.stringify(emulatorSpecifier)})];
workload(lib, emulatorLib, require('rxjs')).then(
  (result) => console.log(JSON.stringify({ ...result, resolved })),
  (error) => { console.error(error); process.exit(1); },
);
`;
}

/** An ES module script loading the package with import(). */
function esmScript(libSpecifier: string, emulatorSpecifier: string): string {
  return `${WORKLOAD}
const lib = await import(${JSON.stringify(libSpecifier)});
const emulatorLib = await import(${JSON.stringify(emulatorSpecifier)});
const resolved = [import.meta.resolve(${JSON.stringify(libSpecifier)}), import.meta.resolve(${JSON.stringify(emulatorSpecifier)})];
console.log(JSON.stringify({ ...(await workload(lib, emulatorLib, await import('rxjs'))), resolved }));
`;
}

interface Outcome {
  readonly uploaded: boolean;
  readonly filename: string;
  readonly groupLength: number;
  readonly groupIsFileGroup: boolean;
  readonly listed: string[];
  readonly expectedListed: string[];
  readonly groups: number;
  readonly deleted: boolean[];
  readonly notFound: number | string;
  readonly nodeEntry: boolean;
  readonly resolved: [string, string];
}

describe('the built package (npm run build)', () => {
  let dir: string;

  beforeAll(() => {
    // spec/support/run-node.ts builds dist/ once before the shards start and says so; a lone run builds here.
    if (process.env['RXUC_DIST_BUILT'] !== '1') execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
    dir = mkdtempSync(join(tmpdir(), 'rxuploadcare-package-'));
    // An app that installed the package (a link to this repository) and its peer dependency rxjs.
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'rxuploadcare'), 'dir');
    symlinkSync(join(ROOT, 'node_modules', 'rxjs'), join(dir, 'node_modules', 'rxjs'), 'dir');
  }, 240_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function run(name: string, text: string): Promise<Outcome> {
    const script = join(dir, name);
    writeFileSync(script, text);
    return new Promise((done, fail) => {
      execFile(process.execPath, [script], { cwd: dir, timeout: 60_000 }, (error, stdout, stderr) => {
        if (error) return fail(new Error(`${name} failed: ${stderr || error.message}`));
        done(JSON.parse(stdout) as Outcome);
      });
    });
  }

  function expectWorking(outcome: Outcome): void {
    expect(outcome.uploaded).toBeTrue();
    expect(outcome.filename).toBe('hello.txt');
    expect(outcome.groupLength).toBe(2);
    expect(outcome.groupIsFileGroup).toBeTrue();
    expect(outcome.listed).toEqual(outcome.expectedListed);
    expect(outcome.groups).toBe(2);
    expect(outcome.deleted).toEqual([true]);
    expect(outcome.notFound).toBe(404);
  }

  it('loads and works through require() of dist/cjs/index.js', async () => {
    const outcome = await run('direct.cjs', cjsScript(join(ROOT, 'dist/cjs/index.js'), join(ROOT, 'dist/cjs/emulator/index.js')));
    expectWorking(outcome);
    expect(outcome.nodeEntry).toBeFalse();
  });

  it('loads and works through import() of dist/esm/index.js', async () => {
    const outcome = await run('direct.mjs', esmScript(pathToFileURL(join(ROOT, 'dist/esm/index.js')).href, pathToFileURL(join(ROOT, 'dist/esm/emulator/index.js')).href));
    expectWorking(outcome);
    expect(outcome.nodeEntry).toBeFalse();
  });

  it('require(\'rxuploadcare\') and require(\'rxuploadcare/emulator\') resolve through the exports map to dist/cjs', async () => {
    const outcome = await run('package.cjs', cjsScript('rxuploadcare', 'rxuploadcare/emulator'));
    expectWorking(outcome);
    expect(outcome.nodeEntry).toBeTrue();
    expect(outcome.resolved).toEqual([join(ROOT, 'dist/cjs/node.js'), join(ROOT, 'dist/cjs/emulator/index.js')]);
  });

  it('import(\'rxuploadcare\') and import(\'rxuploadcare/emulator\') resolve through the exports map to dist/esm', async () => {
    const outcome = await run('package.mjs', esmScript('rxuploadcare', 'rxuploadcare/emulator'));
    expectWorking(outcome);
    expect(outcome.nodeEntry).toBeTrue();
    expect(outcome.resolved).toEqual([pathToFileURL(join(ROOT, 'dist/esm/node.js')).href, pathToFileURL(join(ROOT, 'dist/esm/emulator/index.js')).href]);
  });
});
