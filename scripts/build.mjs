// npm run build: the library (lib/ to dist/) and the emulator package (emulator/lib/ to emulator/dist/), skipped when
// both builds are newer than everything they are built from.
//   dist/esm, dist/cjs  one JavaScript file per source file (esbuild, not bundled: the modules stay separate, so an
//                       app's bundler can tree-shake them), each with its source map and .d.ts (tsc, declarations only);
//                       the same for the emulator in emulator/dist/esm and emulator/dist/cjs
//   emulator/dist/demo/app.js  the emulator's demo page script (bundled by esbuild), so a published package serves it
//                       as built
// esbuild and tsc run in parallel; tsc only emits declarations (--noCheck): type errors are `npm run typecheck`'s job,
// which `npm test` runs before the specs.
//
//   node scripts/build.mjs           build when a source changed
//   node scripts/build.mjs --force   build anyway
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isFresh, writeStamp } from './build-freshness.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
// Progress goes to stderr: stdout stays what the calling command prints (`npm pack --json` runs this as prepack).
const say = (line) => console.error(`build: ${line}`);

/** The module formats, each in its own tree (under a package's dist/) with a package.json that tells Node how to read it. */
const FORMATS = [
  { format: 'esm', dir: 'dist/esm', type: 'module' },
  { format: 'cjs', dir: 'dist/cjs', type: 'commonjs' },
];

/** The packages of the repository: each builds its lib/ into its dist/ with its own tsconfig.build.json. */
const PACKAGES = [
  { name: 'rxuploadcare', dir: '.' },
  { name: 'rxuploadcare-emulator', dir: 'emulator', after: demoPage },
];

function sources(dir) {
  return readdirSync(join(root, dir), { recursive: true })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => join(root, dir, path));
}

function run(args) {
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { cwd: root, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`${args.join(' ')} failed:\n${stdout}${stderr}`));
      else done(stdout);
    });
  });
}

async function javascript(pkg, entryPoints) {
  const since = Date.now();
  const { build } = await import('esbuild'); // only now: a build that is skipped should not pay for loading it
  const base = join(root, pkg.dir);
  await Promise.all(
    FORMATS.map(({ format, dir }) =>
      build({ entryPoints, outdir: join(base, dir), outbase: join(base, 'lib'), format, platform: 'node', target: 'es2022', sourcemap: true, tsconfig: join(base, 'tsconfig.build.json'), logLevel: 'warning' }),
    ),
  );
  for (const { dir, type } of FORMATS) writeFileSync(join(base, dir, 'package.json'), JSON.stringify({ type }) + '\n');
  say(`${pkg.name}: ${entryPoints.length} modules to ${FORMATS.map(({ dir }) => join(pkg.dir, dir)).join(' and ')} (esbuild, ${seconds(since)})`);
}

async function demoPage() {
  const since = Date.now();
  const printed = await run(['emulator/dist/cjs/demo/build-main.js']);
  say(`rxuploadcare-emulator: ${printed.trim()} (esbuild, ${seconds(since)})`);
}

async function declarations(pkg) {
  const since = Date.now();
  const [first, ...others] = FORMATS.map(({ dir }) => join(root, pkg.dir, dir));
  await run(['node_modules/typescript/bin/tsc', '-p', join(pkg.dir, 'tsconfig.build.json'), '--emitDeclarationOnly', '--noCheck', '--outDir', first]);
  for (const dir of others) cpSync(first, dir, { recursive: true, filter: (path) => statSync(path).isDirectory() || path.endsWith('.d.ts') });
  say(`${pkg.name}: declarations, .d.ts files beside both (tsc, ${seconds(since)})`);
}

async function buildPackage(pkg) {
  const distDir = join(root, pkg.dir, 'dist');
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir);
  const entryPoints = sources(join(pkg.dir, 'lib'));
  await Promise.all([javascript(pkg, entryPoints).then(() => pkg.after?.()), declarations(pkg)]);
}

async function main() {
  const force = process.argv.includes('--force');
  if (!force && isFresh(root)) {
    say('dist/ and emulator/dist/ are newer than their sources, nothing to do (--force to build anyway)');
    return;
  }
  say(`${existsSync(join(root, 'dist')) ? (force ? 'forced' : 'sources changed') : 'no dist/ yet'}: building lib/ into dist/ and emulator/lib/ into emulator/dist/`);
  await Promise.all(PACKAGES.map(buildPackage));
  writeStamp(root, started);
  say(`done in ${seconds(started)}`);
}

main().catch((error) => {
  console.error(`build: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
