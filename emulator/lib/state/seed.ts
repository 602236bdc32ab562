import type { FileRecord } from './records.js';
import type { Store } from './store.js';

/** How seeded files are spread: over this many days before now, and what share is stored and removed. */
export const SEED_POLICY = { spanDays: 90, storedPercent: 70, removedPercent: 10, imageEvery: 5 } as const;

// A real 1x1 transparent PNG, so seeded images are images on the CDN too.
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * Pre-populates a project with `count` files for listing work (`--seed-files`): upload times spread evenly over
 * the last {@link SEED_POLICY.spanDays} days, each one distinct, oldest first; about 70% stored, 10% removed, the
 * rest temporary; every 5th a 1x1 PNG, the others tiny text files. Bytes really land in the blob store.
 * The pattern depends on the index only, so a seeded emulator is the same at every start.
 */
export async function seedFiles(store: Store, projectKey: string, count: number): Promise<FileRecord[]> {
  if (!store.project(projectKey)) throw new Error(`No project ${projectKey} to seed`);
  const end = Date.now() - 60_000;
  const span = SEED_POLICY.spanDays * 24 * 3600 * 1000;
  const step = Math.max(1, Math.floor(span / Math.max(1, count)));
  const files: FileRecord[] = [];
  for (let i = 0; i < count; i++) {
    const uploaded = new Date(end - (count - i) * step);
    const bucket = (i * 37) % 100; // spreads states evenly without a random generator
    const removed = bucket < SEED_POLICY.removedPercent;
    const stored = !removed && bucket < SEED_POLICY.removedPercent + SEED_POLICY.storedPercent;
    const image = i % SEED_POLICY.imageEvery === 0;
    const name = `seed-${String(i + 1).padStart(6, '0')}`;
    const bytes = image ? PIXEL_PNG : Buffer.from(`Seeded file ${i + 1} of ${count}\n`);
    const blob = await store.blobs.write(once(bytes));
    files.push(
      store.addFile({
        uuid: store.newUuid(),
        projectKey,
        filename: image ? `${name}.png` : `${name}.txt`,
        size: blob.size,
        mimeType: image ? 'image/png' : 'text/plain',
        blobId: blob.id,
        datetimeUploaded: uploaded,
        datetimeStored: stored ? new Date(uploaded.getTime() + 1000) : null,
        datetimeRemoved: removed ? new Date(uploaded.getTime() + 2000) : null,
        metadata: { seed: String(i + 1) },
        tags: [],
        appdata: null,
        source: null,
        imageInfo: image ? { width: 1, height: 1, format: 'PNG' } : null,
      }),
    );
  }
  return files;
}
