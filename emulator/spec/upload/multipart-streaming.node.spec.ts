import { UploadClient } from '@uploadcare/upload-client';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import type { BlobRef } from '../../lib/state/blob-store.js';
import { PUBLIC_KEY, patternBytes } from './upload-api-helpers.js';

const MiB = 1024 * 1024;

/**
 * The 30 MiB multipart path must never hold the whole file (or even a whole part) in one buffer: the emulator
 * streams each part PUT into the blob store and completes by concatenating blob ids. This spec watches the
 * blob store of a private emulator while the official client uploads 30 MiB.
 */
describe('emulator multipart streaming', () => {
  let emulator: RunningEmulator;
  const writes: { chunks: number; largestChunk: number; size: number }[] = [];
  const concats: (readonly string[])[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    const blobs = emulator.store.blobs;
    const write = blobs.write.bind(blobs);
    const concat = blobs.concat.bind(blobs);
    spyOn(blobs, 'write').and.callFake(async (source: AsyncIterable<Uint8Array>): Promise<BlobRef> => {
      const seen = { chunks: 0, largestChunk: 0, size: 0 };
      writes.push(seen);
      return write(
        (async function* () {
          for await (const chunk of source) {
            seen.chunks += 1;
            seen.largestChunk = Math.max(seen.largestChunk, chunk.length);
            seen.size += chunk.length;
            yield chunk;
          }
        })(),
      );
    });
    spyOn(blobs, 'concat').and.callFake((ids: readonly string[]) => {
      concats.push(ids);
      return concat(ids);
    });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('writes every 5 MiB part as a stream of small chunks and joins parts by id', async () => {
    const client = new UploadClient({ publicKey: PUBLIC_KEY, baseURL: emulator.url, baseCDN: emulator.url });
    const file = await client.uploadFile(Buffer.from(patternBytes(30 * MiB, 8)), { fileName: 'streamed.bin' });
    expect(file.size).toBe(30 * MiB);

    expect(writes.map((write) => write.size)).toEqual(new Array<number>(6).fill(5 * MiB));
    for (const write of writes) {
      expect(write.chunks).toBeGreaterThan(10);
      expect(write.largestChunk).toBeLessThanOrEqual(MiB);
    }
    expect(concats.length).toBe(1);
    expect(concats[0]!.length).toBe(6);

    // Reading back through the CDN streams too: many chunks, never the whole file at once.
    const response = await fetch(file.cdnUrl);
    const reader = response.body!.getReader();
    let chunks = 0;
    let total = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks += 1;
      total += read.value.length;
    }
    expect(total).toBe(30 * MiB);
    expect(chunks).toBeGreaterThan(10);
  });
});
