// Are dist/ and emulator/dist/ up to date? `npm start` and the test runner build every time they run: when nothing changed since the last
// build, scripts/build.mjs skips it. The last build writes a stamp (build/, not shipped) with when it started and which
// files it was built from; dist/ is fresh when the same files are there, none changed since, and its outputs exist.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const STAMP = 'build/dist-stamp.json';
/** Every file under these folders is an input. */
const INPUT_FOLDERS = ['lib', 'emulator/lib'];
/** Inputs besides: the manifest, the compiler settings, this build, and the installed toolchain (npm ci rewrites it). */
const INPUT_FILES = [
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'emulator/package.json',
  'emulator/tsconfig.build.json',
  'scripts/build.mjs',
  'scripts/build-freshness.mjs',
  'node_modules/.package-lock.json',
];
/** What a whole build leaves: one missing (dist/ emptied by hand, a build stopped half-way) means building again. */
const OUTPUTS = ['', 'emulator/'].flatMap((pkg) => ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts'].map((path) => pkg + path));
OUTPUTS.push('emulator/dist/demo/app.js');

/** The inputs that exist, relative to the root, sorted. */
function inputs(root) {
  const inFolders = INPUT_FOLDERS.filter((folder) => existsSync(join(root, folder))).flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true })
      .map((path) => join(folder, path))
      .filter((path) => statSync(join(root, path)).isFile()),
  );
  return [...inFolders, ...INPUT_FILES.filter((path) => existsSync(join(root, path)))].sort();
}

function readStamp(root) {
  try {
    return JSON.parse(readFileSync(join(root, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when the last build is complete and no input was added, removed or modified since it started. */
export function isFresh(root) {
  const stamp = readStamp(root);
  if (!stamp || !OUTPUTS.every((path) => existsSync(join(root, path)))) return false;
  const now = inputs(root);
  if (now.length !== stamp.inputs.length || now.some((path, i) => path !== stamp.inputs[i])) return false;
  return now.every((path) => statSync(join(root, path)).mtimeMs <= stamp.startedAt);
}

/** Records a finished build that started at `startedAt` (ms): a file modified while it ran is newer than that. */
export function writeStamp(root, startedAt) {
  mkdirSync(dirname(join(root, STAMP)), { recursive: true });
  writeFileSync(join(root, STAMP), JSON.stringify({ startedAt, inputs: inputs(root) }, null, 1) + '\n');
}
