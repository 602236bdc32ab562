import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { installTarball, packFreshCopy, tarballFiles, tarballManifest, type Manifest } from './support/packed-package.js';
import { RESOLUTION_MODES, typeErrors } from './support/type-check.js';

const ROOT = resolve(__dirname, '..');

/**
 * What every loader runs with the package it loaded (`lib`, `emulator`, `rxjs`): a real round trip on an emulator
 * through the client's factories, printed as JSON. The same text goes into a CommonJS and an ES module script.
 */
const WORKLOAD = `
async function workload(lib, emulatorLib, nodeLib, rxjs, path) {
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
    const fromDisk = await lastValueFrom(lib.uploadFile(nodeLib.fromPath(path), { store: true }, uc));
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
      fromPathUploaded: fromDisk.file instanceof lib.File ? fromDisk.file.uuid.length : 0,
    };
  } finally {
    await emulator.close();
  }
}
`;

/** What a script loads: the isomorphic entry, the emulator, the Node entry (fromPath). */
interface Specifiers {
  readonly lib: string;
  readonly emulator: string;
  readonly node: string;
}

/** A CommonJS script loading the package with require(). */
function cjsScript({ lib, emulator, node }: Specifiers): string {
  const [libName, emulatorName, nodeName] = [lib, emulator, node].map((specifier) => JSON.stringify(specifier));
  return `${WORKLOAD}
const lib = require(${libName});
const emulatorLib = require(${emulatorName});
const nodeLib = require(${nodeName});
const resolved = [require.resolve(${libName}), require.resolve(${emulatorName}), require.resolve(${nodeName})];
workload(lib, emulatorLib, nodeLib, require('rxjs'), __filename).then(
  (result) => console.log(JSON.stringify({ ...result, resolved })),
  (error) => { console.error(error); process.exit(1); },
);
`;
}

/** An ES module script loading the package with import(). */
function esmScript({ lib, emulator, node }: Specifiers): string {
  const [libName, emulatorName, nodeName] = [lib, emulator, node].map((specifier) => JSON.stringify(specifier));
  return `${WORKLOAD}
const lib = await import(${libName});
const emulatorLib = await import(${emulatorName});
const nodeLib = await import(${nodeName});
const resolved = [import.meta.resolve(${libName}), import.meta.resolve(${emulatorName}), import.meta.resolve(${nodeName})];
const path = (await import('node:url')).fileURLToPath(import.meta.url);
console.log(JSON.stringify({ ...(await workload(lib, emulatorLib, nodeLib, await import('rxjs'), path)), resolved }));
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
  readonly fromPathUploaded: number;
  readonly resolved: [string, string, string];
}

/**
 * What an app writes in TypeScript, by module kind: the isomorphic entry, and fromPath/fromStream from the Node
 * subpath. `rxuploadcare/node` resolves to the same files in every mode, so what type-checks is what runs.
 */
const TYPED_USE = `
import { Uploadcare, uploadFile, type UploadEvent } from 'rxuploadcare';
import { fromPath, fromStream, type StreamDescription } from 'rxuploadcare/node';
import { Readable } from 'node:stream';
import type { Observable } from 'rxjs';

const uc = new Uploadcare({ publicKey: 'demopublickey' });
const described: StreamDescription = { size: 5, name: 'hello.txt' };
export const fromDisk: Observable<UploadEvent> = uploadFile(fromPath('hello.txt'), { store: true }, uc);
export const fromPipe: Observable<UploadEvent> = uploadFile(fromStream(Readable.from(['hello']), described), {}, uc);
`;
/** The emulator package, installed beside the library. */
const TYPED_EMULATOR_USE = `
import { startEmulator } from 'rxuploadcare-emulator';
export const started: Promise<{ readonly url: string; close(): Promise<void> }> = startEmulator({ port: 0 });
`;
/** Under the `node` condition (nodenext, node16) the package's root has the Node entry's exports too. */
const TYPED_ROOT_NODE_USE = `
import { fromPath as rootFromPath } from 'rxuploadcare';
export const rootSource = rootFromPath('hello.txt');
`;

describe('the packed packages (npm pack in a fresh copy of the tree, installed into an empty app)', () => {
  let dir: string;
  let app: string;
  /** An app with the library only, as a browser app or an upload service installs it. */
  let libraryOnlyApp: string;
  let installed: string;
  let installedEmulator: string;
  let files: string[];
  let emulatorFiles: string[];
  let manifest: Manifest;
  let emulatorManifest: Manifest;
  /** The file count `npm pack --json` printed: it parses only when the prepack build left stdout alone. */
  let reportedCount: number;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rxuploadcare-package-'));
    // npm pack runs the prepack build: the copy has no dist/, as a clone has none.
    const { rxuploadcare: library, 'rxuploadcare-emulator': emulator } = packFreshCopy(ROOT, dir);
    if (!library || !emulator) throw new Error('npm pack did not pack both packages');
    files = tarballFiles(library.tarball);
    emulatorFiles = tarballFiles(emulator.tarball);
    manifest = tarballManifest(library.tarball);
    emulatorManifest = tarballManifest(emulator.tarball);
    reportedCount = library.entryCount;
    app = join(dir, 'app');
    installed = installTarball(library.tarball, app, join(ROOT, 'node_modules'), ['@types/node']);
    installedEmulator = installTarball(emulator.tarball, app, join(ROOT, 'node_modules'));
    libraryOnlyApp = join(dir, 'library-only');
    installTarball(library.tarball, libraryOnlyApp, join(ROOT, 'node_modules'));
  }, 240_000);

  /** Runs a package's bin in an app (as npx would), to its end. */
  function runBin(where: string, pkg: string, bin: string, args: readonly string[]): { code: number; stdout: string; stderr: string } {
    const main = (JSON.parse(readFileSync(join(where, 'node_modules', pkg, 'package.json'), 'utf8')) as Manifest).bin?.[bin];
    if (!main) throw new Error(`${pkg} has no bin ${bin}`);
    try {
      const stdout = execFileSync(process.execPath, [join(where, 'node_modules', pkg, main), ...args], { cwd: where, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
      return { code: 0, stdout, stderr: '' };
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string };
      return { code: failed.status, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it("the library's runtime dependencies are rxjs (peer), axios, rxjs-for-await and what its own code needs: none of the emulator's", () => {
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(['axios', 'js-md5', 'rxjs-for-await']);
    expect(Object.keys(manifest.peerDependencies ?? {}).filter((name) => !manifest.peerDependenciesMeta?.[name]?.optional)).toEqual(['rxjs']);
    expect(Object.keys(emulatorManifest.dependencies ?? {})).toContain('busboy');
    expect(Object.keys(emulatorManifest.dependencies ?? {}).filter((name) => name in (manifest.dependencies ?? {}))).toEqual([]);
    expect(files.filter((path) => path.includes('emulator/'))).toEqual([]);
  });

  it('the emulator package ships its build, its bin and its demo page script, and not its sources', () => {
    const shipped = ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/cjs/main.js', 'dist/demo/app.js', 'package.json', 'README.md'];
    expect(shipped.filter((path) => !emulatorFiles.includes(path))).toEqual([]);
    expect(emulatorFiles.filter((path) => /^(lib|spec)\//.test(path))).toEqual([]);
  });

  it("the emulator package's bin, uploadcare-emulator, starts (--help)", () => {
    const help = runBin(app, 'rxuploadcare-emulator', 'uploadcare-emulator', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: uploadcare-emulator \[options\]/);
  });

  it('ucare --emulator runs a command against the emulator package loaded at run time', () => {
    const run = runBin(app, 'rxuploadcare', 'ucare', ['--emulator', 'list']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('without the emulator package, ucare emulator and ucare --emulator fail saying what to install', () => {
    for (const args of [['emulator', '--port', '0'], ['--emulator', 'list']]) {
      const run = runBin(libraryOnlyApp, 'rxuploadcare', 'ucare', args);
      expect(run.code).withContext(args.join(' ')).toBe(1);
      expect(run.stderr).withContext(args.join(' ')).toContain('npm install --save-dev rxuploadcare-emulator');
    }
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function run(name: string, text: string): Promise<Outcome> {
    const script = join(app, name);
    writeFileSync(script, text);
    return new Promise((done, fail) => {
      execFile(process.execPath, [script], { cwd: app, timeout: 60_000 }, (error, stdout, stderr) => {
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
    expect(outcome.fromPathUploaded).toBe(36);
  }

  const inPackage = (path: string): string => join(installed, path);

  it('ships the build (both module formats, their declarations, the CLI) and not the sources', () => {
    const shipped = ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/esm/node.js', 'dist/esm/node.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts'];
    shipped.push('dist/cjs/node.d.ts', 'dist/cjs/cli/main.js', 'package.json', 'README.md');
    expect(shipped.filter((path) => !files.includes(path))).toEqual([]);
    expect(files.filter((path) => /^(lib|spec|scripts|bench)\//.test(path))).toEqual([]);
    expect(reportedCount).toBe(files.length);
  });

  it('loads and works through require() of dist/cjs/index.js', async () => {
    const outcome = await run('direct.cjs', cjsScript({ lib: inPackage('dist/cjs/index.js'), emulator: join(installedEmulator, 'dist/cjs/index.js'), node: inPackage('dist/cjs/node.js') }));
    expectWorking(outcome);
    expect(outcome.nodeEntry).toBeFalse();
  });

  it('loads and works through import() of dist/esm/index.js', async () => {
    const url = (path: string): string => pathToFileURL(inPackage(path)).href;
    const outcome = await run('direct.mjs', esmScript({ lib: url('dist/esm/index.js'), emulator: pathToFileURL(join(installedEmulator, 'dist/esm/index.js')).href, node: url('dist/esm/node.js') }));
    expectWorking(outcome);
    expect(outcome.nodeEntry).toBeFalse();
  });

  const BY_NAME: Specifiers = { lib: 'rxuploadcare', emulator: 'rxuploadcare-emulator', node: 'rxuploadcare/node' };

  it('require() of rxuploadcare, rxuploadcare-emulator and rxuploadcare/node resolve through the exports map to dist/cjs', async () => {
    const outcome = await run('package.cjs', cjsScript(BY_NAME));
    expectWorking(outcome);
    expect(outcome.nodeEntry).toBeTrue();
    expect(outcome.resolved).toEqual([inPackage('dist/cjs/node.js'), join(installedEmulator, 'dist/cjs/index.js'), inPackage('dist/cjs/node.js')]);
  });

  it('import() of rxuploadcare, rxuploadcare-emulator and rxuploadcare/node resolve through the exports map to dist/esm', async () => {
    const outcome = await run('package.mjs', esmScript(BY_NAME));
    expectWorking(outcome);
    expect(outcome.nodeEntry).toBeTrue();
    expect(outcome.resolved).toEqual([inPackage('dist/esm/node.js'), join(installedEmulator, 'dist/esm/index.js'), inPackage('dist/esm/node.js')].map((path) => pathToFileURL(path).href));
  });

  for (const mode of RESOLUTION_MODES) {
    it(`type-checks in TypeScript with moduleResolution ${mode.name}: fromPath from rxuploadcare/node, startEmulator from rxuploadcare-emulator`, () => {
      const folder = join(app, `ts-${mode.name}`);
      mkdirSync(folder);
      const write = (name: string, text: string): string => {
        writeFileSync(join(folder, name), text);
        return join(folder, name);
      };
      // nodenext and node16 read a file's module format from its extension: one ES module, one CommonJS.
      const nodeModes = mode.name === 'nodenext' || mode.name === 'node16';
      const sources = nodeModes
        ? [write('esm.mts', TYPED_USE + TYPED_EMULATOR_USE + TYPED_ROOT_NODE_USE), write('cjs.cts', TYPED_USE + TYPED_EMULATOR_USE + TYPED_ROOT_NODE_USE)]
        : [write('app.ts', TYPED_USE + TYPED_EMULATOR_USE)];
      expect(typeErrors(sources, mode)).toBe('');
    });
  }
});
