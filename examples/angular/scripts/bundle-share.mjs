// What the production build's initial bundle holds, by package: run after `ng build --stats-json` (npm run
// build:stats). Prints the Markdown table docs/angular.md shows. The initial bundle is the main chunk and the chunks it
// imports statically (loaded at start too); lazy chunks are left out. Bytes are minified bytes in the output (the
// esbuild metafile's bytesInOutput); the gzip figure is the initial chunks', each compressed with gzip -9.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(import.meta.dirname, '../dist/angular');
/** The packages rxuploadcare brings into a browser bundle: itself and its runtime dependencies. */
const RXUPLOADCARE = ['rxuploadcare', 'axios', 'js-md5', 'rxjs-for-await'];

const stats = JSON.parse(readFileSync(join(DIST, 'browser-stats.json'), 'utf8'));
const [mainPath, main] = Object.entries(stats.outputs).find(([path, output]) => output.entryPoint === 'src/main.ts' && path.endsWith('.js'));
const chunkDir = mainPath.slice(0, mainPath.lastIndexOf('/') + 1);
const staticChunks = main.imports.filter((chunk) => chunk.kind === 'import-statement' && !chunk.external).map((chunk) => `${chunkDir}${chunk.path}`);
const initial = [mainPath, ...staticChunks].map((path) => [path, stats.outputs[path]]);

function packageOf(input) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
  return match ? match[1] : 'the application';
}

const byPackage = new Map();
for (const [, output] of initial) {
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = packageOf(input);
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
}
const total = [...byPackage.values()].reduce((sum, bytes) => sum + bytes, 0);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const share = (bytes) => `${((100 * bytes) / total).toFixed(0)} %`;
const minified = initial.reduce((sum, [, output]) => sum + output.bytes, 0);
const gzip = initial.reduce((sum, [path]) => sum + gzipSync(readFileSync(join(DIST, 'browser', path.replace(/^browser\//, ''))), { level: 9 }).length, 0);

const rows = [...byPackage.entries()].sort((a, b) => b[1] - a[1]);
const ours = rows.filter(([name]) => RXUPLOADCARE.includes(name)).reduce((sum, [, bytes]) => sum + bytes, 0);
const names = initial.map(([path]) => path.slice(chunkDir.length)).join(' + ');
console.log(`Initial bundle (${names}): ${kb(minified)} minified, ${kb(gzip)} gzip -9.\n`);
console.log('| package | minified bytes in the bundle | share |');
console.log('| --- | --- | --- |');
for (const [name, bytes] of rows) console.log(`| ${RXUPLOADCARE.includes(name) ? `**${name}**` : name} | ${kb(bytes)} | ${share(bytes)} |`);
console.log(`| **rxuploadcare with its dependencies** | **${kb(ours)}** | **${share(ours)}** |`);
