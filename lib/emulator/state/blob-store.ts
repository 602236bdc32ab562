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

/** Keeps blobs as lists of the chunks they arrived in, so concatenation copies nothing. */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, { chunks: Uint8Array[]; size: number }>();

  async write(source: AsyncIterable<Uint8Array>): Promise<BlobRef> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of source) {
      chunks.push(chunk);
      size += chunk.length;
    }
    const id = newBlobId();
    this.blobs.set(id, { chunks, size });
    return { id, size };
  }

  async concat(ids: readonly string[]): Promise<BlobRef> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (const part of ids) {
      const blob = this.blobs.get(part);
      if (!blob) throw new Error(`No blob ${part}`);
      chunks.push(...blob.chunks);
      size += blob.size;
    }
    const id = newBlobId();
    this.blobs.set(id, { chunks, size });
    return { id, size };
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
    this.blobs.delete(id);
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
