import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** What a clone does not have: installs, outputs and the repository's own history. */
const NOT_IN_A_CLONE = new Set(['node_modules', 'dist', 'build', 'coverage', '.git']);

/** One package `npm pack` wrote. */
export interface PackedTarball {
  readonly tarball: string;
  /** Its number of files, as `npm pack --json` reports them. */
  readonly entryCount: number;
}

/**
 * Copies the tree at `root` into `into` as a fresh clone has it (no dist/, no build/, in no package), its
 * dependencies linked (as `npm ci` would have installed them), and runs `npm pack` there for the library and for
 * every workspace package (the emulator). Returns the tarballs by package name.
 */
export function packFreshCopy(root: string, into: string): Readonly<Record<string, PackedTarball>> {
  const tree = join(into, 'clone');
  cpSync(root, tree, {
    recursive: true,
    filter: (path) => !relative(root, path).split(sep).some((segment) => NOT_IN_A_CLONE.has(segment)),
  });
  symlinkSync(realpathSync(join(root, 'node_modules')), join(tree, 'node_modules'), 'dir');
  // --json: what tools read; the prepack build must leave stdout to it (its progress goes to stderr).
  const args = ['pack', '--json', '--workspaces', '--include-workspace-root', '--pack-destination', into];
  const printed = execFileSync('npm', args, { cwd: tree, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const packed = JSON.parse(printed) as { name: string; filename: string; entryCount: number }[];
  if (packed.length === 0) throw new Error(`npm pack --json printed no package: ${printed}`);
  return Object.fromEntries(packed.map(({ name, filename, entryCount }) => [name, { tarball: join(into, filename), entryCount }]));
}

/** The paths in a tarball, without npm's leading `package/`. */
export function tarballFiles(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.replace(/^package\//, ''));
}

/** The package.json inside a tarball. */
export interface Manifest {
  readonly name: string;
  readonly bin?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { readonly optional?: boolean }>;
}

/** The package.json a tarball holds. */
export function tarballManifest(tarball: string): Manifest {
  return JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Manifest;
}

/**
 * Installs a package tarball into `app`'s node_modules as npm does (the tarball unpacked under its name), and its
 * declared `dependencies` and (not optional) `peerDependencies`, plus `extra` packages, linked from the already-installed
 * `modules`: no registry, no network. A dependency the package forgot to declare is not there; a package
 * already in node_modules (installed from its own tarball) stays.
 * @returns where the package was unpacked.
 */
export function installTarball(tarball: string, app: string, modules: string, extra: readonly string[] = []): string {
  const manifest = tarballManifest(tarball);
  const target = join(app, 'node_modules', manifest.name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  const needed = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}).filter((name) => !manifest.peerDependenciesMeta?.[name]?.optional), ...extra];
  for (const name of needed) {
    const link = join(app, 'node_modules', name);
    if (existsSync(link)) continue;
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(join(modules, name)), link, 'dir');
  }
  return target;
}
