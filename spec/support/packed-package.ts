import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** What a clone does not have: installs, outputs and the repository's own history. */
const NOT_IN_A_CLONE = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);

/**
 * Copies the tree at `root` into `into` as a fresh clone has it (no dist/, no build/), its dependencies linked (as
 * `npm ci` would have installed them), and runs `npm pack` there. Returns the tarball's path and its number of files, as `npm pack --json` reports them.
 */
export function packFreshCopy(root: string, into: string): { readonly tarball: string; readonly entryCount: number } {
  const tree = join(into, 'clone');
  cpSync(root, tree, {
    recursive: true,
    filter: (path) => {
      const [first] = relative(root, path).split(sep);
      return first === undefined || !NOT_IN_A_CLONE.has(first);
    },
  });
  symlinkSync(realpathSync(join(root, 'node_modules')), join(tree, 'node_modules'), 'dir');
  // --json: what tools read; the prepack build must leave stdout to it (its progress goes to stderr).
  const printed = execFileSync('npm', ['pack', '--json', '--pack-destination', into], { cwd: tree, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [packed] = JSON.parse(printed) as { filename: string; entryCount: number }[];
  if (!packed) throw new Error(`npm pack --json printed no package: ${printed}`);
  return { tarball: join(into, packed.filename), entryCount: packed.entryCount };
}

/** The paths in a tarball, without npm's leading `package/`. */
export function tarballFiles(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^package\//, ''));
}

interface Manifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}

/**
 * Installs a package tarball into `app`'s node_modules as npm does (the tarball unpacked under its name), and its
 * declared `dependencies` and `peerDependencies`, plus `extra` packages, linked from the already-installed
 * `modules`: no registry, no network. A dependency the package forgot to declare is not there.
 * @returns where the package was unpacked.
 */
export function installTarball(tarball: string, app: string, modules: string, extra: readonly string[] = []): string {
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Manifest;
  const target = join(app, 'node_modules', manifest.name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  const needed = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}), ...extra];
  for (const name of needed) {
    const link = join(app, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(join(modules, name)), link, 'dir');
  }
  return target;
}
