import { Readable } from 'node:stream';

/** A stored blob: its id and byte length. */
export interface BlobRef {
  readonly id: string;
  readonly size: number;
}

/** An inclusive byte range, as HTTP Range requests give it. */
export interface ByteRange {
  readonly start: number;
  readonly end: number;
}

/**
 * Where the emulator keeps file bytes. Writers stream: no implementation may need a whole body in one buffer.
 */
export interface BlobStore {
  /** Streams `source` into a new blob. A source that fails leaves nothing behind. */
  write(source: AsyncIterable<Uint8Array>): Promise<BlobRef>;
  /** A new blob made of `ids`, in order (multipart completion). */
  concat(ids: readonly string[]): Promise<BlobRef>;
  read(id: string, range?: ByteRange): Readable;
  size(id: string): number | undefined;
  delete(id: string): Promise<void>;
}

let counter = 0;
export const newBlobId = (): string => `${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A blob store that cannot take more bytes: its capacity is reached. */
export class BlobStoreFullError extends Error {
  override readonly name = 'BlobStoreFullError';
  constructor(readonly capacity: number) {
    super(`The emulator's memory blob store is full (${capacity} bytes); use --data-dir or a larger memoryStoreBytes limit`);
  }
}

/**
 * Keeps blobs as lists of the chunks they arrived in, so concatenation copies nothing. Holds at most `capacity` bytes
 * (counted as they arrive, concatenations included): a write that would pass it fails with {@link BlobStoreFullError}
 * and keeps nothing.
 */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, { chunks: Uint8Array[]; size: number }>();
  private used = 0;

  constructor(private readonly capacity = Infinity) {}

  /** Bytes held (and reserved by writes in progress). */
  get bytes(): number {
    return this.used;
  }

  write(source: AsyncIterable<Uint8Array>): Promise<BlobRef> {
    return this.keep(source);
  }

  async concat(ids: readonly string[]): Promise<BlobRef> {
    const blobs = ids.map((part) => {
      const blob = this.blobs.get(part);
      if (!blob) throw new Error(`No blob ${part}`);
      return blob;
    });
    return this.keep(
      (async function* () {
        for (const blob of blobs) yield* blob.chunks;
      })(),
    );
  }

  read(id: string, range?: ByteRange): Readable {
    const blob = this.blobs.get(id);
    if (!blob) throw new Error(`No blob ${id}`);
    const start = range?.start ?? 0;
    const end = range?.end ?? blob.size - 1;
    return Readable.from(sliceChunks(blob.chunks, start, end));
  }

  size(id: string): number | undefined {
    return this.blobs.get(id)?.size;
  }

  async delete(id: string): Promise<void> {
    this.used -= this.blobs.get(id)?.size ?? 0;
    this.blobs.delete(id);
  }

  private async keep(source: AsyncIterable<Uint8Array>): Promise<BlobRef> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of source) {
        if (this.used + chunk.length > this.capacity) throw new BlobStoreFullError(this.capacity);
        this.used += chunk.length;
        size += chunk.length;
        chunks.push(chunk);
      }
    } catch (error) {
      this.used -= size;
      throw error;
    }
    const id = newBlobId();
    this.blobs.set(id, { chunks, size });
    return { id, size };
  }
}

function* sliceChunks(chunks: readonly Uint8Array[], start: number, end: number): Generator<Uint8Array> {
  let offset = 0;
  for (const chunk of chunks) {
    const chunkEnd = offset + chunk.length - 1;
    if (chunkEnd >= start && offset <= end) {
      yield chunk.subarray(Math.max(0, start - offset), Math.min(chunk.length, end - offset + 1));
    }
    offset += chunk.length;
    if (offset > end) return;
  }
}
