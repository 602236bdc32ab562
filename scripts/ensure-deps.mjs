// Runs before `npm start` and `npm test` (npm's pre-scripts), so that on a fresh clone each of the README's two
// commands works alone: when node_modules does not hold what package-lock.json asks for, it runs `npm ci` first.
// The comparison is by content (each package's version against npm's record of the install,
// node_modules/.package-lock.json), not by dates: a checkout rewrites the lock file's date without changing it, and an
// `npm ci` for nothing would cost a minute, or empty a node_modules shared by several checkouts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function packagesOf(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8')).packages ?? {};
  } catch {
    return undefined;
  }
}

/**
 * Why node_modules under `root` must be installed again, or undefined when it holds every package of the lock file at
 * its version. Optional packages may be absent (another platform's esbuild binary, say).
 */
function reinstallReason(root) {
  const wanted = packagesOf(join(root, 'package-lock.json'));
  if (wanted === undefined) return undefined;
  const installed = packagesOf(join(root, 'node_modules', '.package-lock.json'));
  if (installed === undefined) return 'node_modules is missing';
  const stale = Object.entries(wanted).filter(
    ([path, entry]) => path !== '' && !(entry.optional && !installed[path]) && installed[path]?.version !== entry.version,
  );
  if (stale.length === 0) return undefined;
  const [path, entry] = stale[0];
  const more = stale.length > 1 ? ` and ${stale.length - 1} more` : '';
  return `package-lock.json asks for ${path.replace(/^.*node_modules\//, '')}@${entry.version}${more}, not installed`;
}

function main() {
  const reason = reinstallReason(process.cwd());
  if (reason === undefined) return;
  console.error(`${reason}: running npm ci`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

main();
