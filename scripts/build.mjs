// Builds dist/esm (ES modules) and dist/cjs (CommonJS), each with .d.ts files, using tsc alone; then the emulator's
// demo page script (dist/demo/app.js, bundled by esbuild), so that a published package serves its page as built.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const tsc = (project) => execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { stdio: 'inherit' });

rmSync('dist', { recursive: true, force: true });
tsc('tsconfig.build.json');
tsc('tsconfig.cjs.json');
for (const [dir, type] of [['dist/esm', 'module'], ['dist/cjs', 'commonjs']]) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/package.json`, JSON.stringify({ type }) + '\n');
}
execFileSync(process.execPath, ['dist/cjs/emulator/demo/build-main.js'], { stdio: ['ignore', 'ignore', 'inherit'] });
