import { readFile } from 'node:fs/promises';

/** `count` distinct buffers of `size` bytes (each starts with its index, so no two uploads carry the same bytes). */
export function smallFiles(count: number, size: number): Buffer[] {
  return Array.from({ length: count }, (_, index) => {
    const bytes = Buffer.alloc(size, index % 251);
    bytes.write(`file ${index}\n`, 0, 'latin1');
    return bytes;
  });
}

/** The UUIDs the orchestrator wrote for a store-delete run. */
export async function readUuids(path: string): Promise<string[]> {
  return JSON.parse(await readFile(path, 'utf8')) as string[];
}

/** `items` in chunks of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** Runs `work` over `items` with at most `concurrency` in flight; resolves to how many succeeded (all, or it rejects). */
export async function withConcurrency<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<unknown>): Promise<number> {
  let next = 0;
  let done = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
      done++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return done;
}

/** The largest number of UUIDs one REST `files/storage/` request takes. */
export const STORAGE_BATCH = 100;
