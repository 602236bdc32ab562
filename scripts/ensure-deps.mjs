// Runs before `npm start` and `npm test` (npm's pre-scripts), so that on a fresh clone each of the README's two
// commands works alone: when node_modules is missing or older than package-lock.json, it runs `npm ci` first.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';

const modifiedAt = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
};

const lock = modifiedAt('package-lock.json');
const installed = modifiedAt('node_modules/.package-lock.json');
if (lock !== null && (installed === null || installed < lock)) {
  console.error(installed === null ? 'node_modules is missing: running npm ci' : 'package-lock.json changed since the last install: running npm ci');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
