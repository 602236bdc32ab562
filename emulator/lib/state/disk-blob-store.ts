import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newBlobId, type BlobRef, type BlobStore, type ByteRange } from './blob-store.js';
import { syncDirectory } from './atomic-file.js';

/**
 * Blobs as files under `<dir>/blobs/`. A blob is streamed to `<dir>/tmp/` and renamed into place only once complete
 * and fsynced, so a crash mid-write leaves no partial blob visible; `tmp/` is emptied on open.
 */
export class DiskBlobStore implements BlobStore {
  private constructor(
    private readonly blobsDir: string,
    private readonly tmpDir: string,
    private readonly sizes: Map<string, number>,
  ) {}

  /** Opens (creating it if needed) the store in `dir`, discarding what interrupted writes left behind. */
  static async open(dir: string): Promise<DiskBlobStore> {
    const blobsDir = join(dir, 'blobs');
    const tmpDir = join(dir, 'tmp');
    await rm(tmpDir, { recursive: true, force: true });
    await mkdir(tmpDir, { recursive: true });
    await mkdir(blobsDir, { recursive: true });
    const sizes = new Map<string, number>();
    for (const name of await readdir(blobsDir)) {
      sizes.set(name, (await stat(join(blobsDir, name))).size);
    }
    return new DiskBlobStore(blobsDir, tmpDir, sizes);
  }

  write(source: AsyncIterable<Uint8Array>): Promise<BlobRef> {
    return this.commit(source);
  }

  concat(ids: readonly string[]): Promise<BlobRef> {
    const paths = ids.map((id) => this.pathOf(id));
    return this.commit(
      (async function* () {
        for (const path of paths) yield* createReadStream(path) as AsyncIterable<Buffer>;
      })(),
    );
  }

  read(id: string, range?: ByteRange): Readable {
    return createReadStream(this.pathOf(id), range ? { start: range.start, end: range.end } : {});
  }

  size(id: string): number | undefined {
    return this.sizes.get(id);
  }

  /** Ids of every complete blob. */
  ids(): string[] {
    return [...this.sizes.keys()];
  }

  async delete(id: string): Promise<void> {
    if (!this.sizes.delete(id)) return;
    await unlink(join(this.blobsDir, id)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  private pathOf(id: string): string {
    if (!this.sizes.has(id)) throw new Error(`No blob ${id}`);
    return join(this.blobsDir, id);
  }

  private async commit(source: AsyncIterable<Uint8Array>): Promise<BlobRef> {
    const id = newBlobId();
    const temporary = join(this.tmpDir, id);
    const out = createWriteStream(temporary, { flags: 'wx', flush: true });
    let size = 0;
    try {
      await pipeline(
        source,
        async function* (chunks: AsyncIterable<Uint8Array>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            yield chunk;
          }
        },
        out,
      );
      await rename(temporary, join(this.blobsDir, id));
      await syncDirectory(this.blobsDir);
    } catch (error) {
      // A source that fails at once can beat the file's asynchronous open: remove the file only once the stream closed.
      if (!out.closed) await new Promise<void>((resolve) => out.once('close', () => resolve()));
      await rm(temporary, { force: true });
      throw error;
    }
    this.sizes.set(id, size);
    return { id, size };
  }
}
