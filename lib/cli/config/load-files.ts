import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfigFile } from './settings.js';

/** The seed's config files, in reading order: `~/.uploadcare`, then `uploadcare.ini` in the working directory. */
export function configFilePaths(homeDir: string, cwd: string): string[] {
  return [join(homeDir, '.uploadcare'), join(cwd, 'uploadcare.ini')];
}

/** Reads the config files that exist; a missing file is skipped, any other read failure is thrown. */
export async function loadConfigFiles(paths: readonly string[]): Promise<ConfigFile[]> {
  return Promise.all(
    paths.map(async (path) => {
      try {
        return { path, text: await readFile(path, 'utf8') };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, text: undefined };
        throw error;
      }
    }),
  );
}
