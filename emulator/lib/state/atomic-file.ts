import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Replaces `path` with `data` so that a crash at any moment leaves either the old file or the new one, never a mix:
 * write a temporary file, fsync it, rename it over the target, fsync the directory.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temporary = `${path}.tmp`;
  const file = await open(temporary, 'w');
  try {
    await file.writeFile(data, 'utf8');
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(temporary, path);
  await syncDirectory(dirname(path));
}

/** Makes a rename or unlink in `dir` durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
