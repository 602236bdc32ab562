// npm run build: lib/ to dist/, skipped when dist/ is newer than everything it is built from.
//   dist/esm, dist/cjs  one JavaScript file per source file (esbuild, not bundled: the modules stay separate, so an
//                       app's bundler can tree-shake them), each with its source map and .d.ts (tsc, declarations only)
//   dist/demo/app.js    the emulator's demo page script (bundled by esbuild), so a published package serves it as built
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

/** The module formats, each in its own tree with a package.json that tells Node how to read it. */
const FORMATS = [
  { format: 'esm', dir: 'dist/esm', type: 'module' },
  { format: 'cjs', dir: 'dist/cjs', type: 'commonjs' },
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

async function javascript(entryPoints) {
  const since = Date.now();
  const { build } = await import('esbuild'); // only now: a build that is skipped should not pay for loading it
  await Promise.all(
    FORMATS.map(({ format, dir }) =>
      build({ entryPoints, outdir: join(root, dir), outbase: join(root, 'lib'), format, platform: 'node', target: 'es2022', sourcemap: true, tsconfig: join(root, 'tsconfig.build.json'), logLevel: 'warning' }),
    ),
  );
  for (const { dir, type } of FORMATS) writeFileSync(join(root, dir, 'package.json'), JSON.stringify({ type }) + '\n');
  say(`JavaScript: ${entryPoints.length} modules to ${FORMATS.map(({ dir }) => dir).join(' and ')} (esbuild, ${seconds(since)})`);
}

async function demoPage() {
  const since = Date.now();
  const printed = await run(['dist/cjs/emulator/demo/build-main.js']);
  say(`${printed.trim()} (esbuild, ${seconds(since)})`);
}

async function declarations() {
  const since = Date.now();
  const [first, ...others] = FORMATS.map(({ dir }) => join(root, dir));
  await run(['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--emitDeclarationOnly', '--noCheck', '--outDir', first]);
  for (const dir of others) cpSync(first, dir, { recursive: true, filter: (path) => statSync(path).isDirectory() || path.endsWith('.d.ts') });
  say(`declarations: .d.ts files beside both (tsc, ${seconds(since)})`);
}

async function main() {
  const force = process.argv.includes('--force');
  if (!force && isFresh(root)) {
    say('dist/ is newer than its sources, nothing to do (--force to build anyway)');
    return;
  }
  const entryPoints = sources('lib');
  say(`${existsSync(join(root, 'dist')) ? (force ? 'forced' : 'sources changed') : 'no dist/ yet'}: building ${entryPoints.length} modules of lib/ into dist/`);
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  mkdirSync(join(root, 'dist'));
  await Promise.all([javascript(entryPoints).then(demoPage), declarations()]);
  writeStamp(root, started);
  say(`done in ${seconds(started)}`);
}

main().catch((error) => {
  console.error(`build: failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
