import { lstat, mkdir } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { UnsafeTargetError } from './unsafe-target-error.js';

/**
 * Creates `directory` below `root`, one component at a time, and checks every component below `root` with `lstat`:
 * one that is a symbolic link (a link planted in the target folder could point anywhere) or not a directory is an
 * {@link UnsafeTargetError}. `root` itself is the user's choice and is created as given, links and all.
 */
export async function directoriesBelow(root: string, directory: string): Promise<void> {
  const base = resolve(root);
  await mkdir(base, { recursive: true });
  const inside = relative(base, resolve(directory));
  if (inside === '') return;
  let current = base;
  for (const component of inside.split(sep)) {
    current = resolve(current, component);
    await directoryComponent(current);
  }
}

async function directoryComponent(path: string): Promise<void> {
  let stats = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!stats) {
    // Another download of this sync may create it at the same moment: EEXIST is checked like any existing entry.
    await mkdir(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    });
    stats = await lstat(path);
  }
  if (stats.isSymbolicLink()) throw new UnsafeTargetError(path, 'is a symbolic link');
  if (!stats.isDirectory()) throw new UnsafeTargetError(path, 'is not a directory');
}
