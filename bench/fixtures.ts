import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { RunningEmulator } from 'rxuploadcare-emulator';

const MiB = 1024 * 1024;

/** Files and servers the runs share: made once per benchmark, removed at the end. */
export class Fixtures {
  #bigFile: Promise<string> | undefined;
  #source: Promise<{ server: Server; url: string }> | undefined;
  #served = 0;

  private constructor(readonly dir: string) {}

  static async create(): Promise<Fixtures> {
    return new Fixtures(await mkdtemp(join(tmpdir(), 'rxuc-bench-')));
  }

  /** A file of `bytes` random-looking bytes on disk (written once, 1 MiB of random data repeated). */
  bigFile(bytes: number): Promise<string> {
    this.#bigFile ??= writeFile(join(this.dir, 'upload.bin'), bytes);
    return this.#bigFile;
  }

  /** A fresh URL on a loopback server answering `bytes` bytes (a new query each time, so no run reuses another's). */
  async sourceUrl(bytes: number): Promise<string> {
    this.#source ??= startSourceServer(bytes);
    const { url } = await this.#source;
    return `${url}/source.bin?run=${++this.#served}`;
  }

  async close(): Promise<void> {
    if (this.#source) {
      const { server } = await this.#source;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}

async function writeFile(path: string, bytes: number): Promise<string> {
  const block = randomBytes(MiB);
  const out = createWriteStream(path);
  for (let written = 0; written < bytes; written += block.length) {
    if (!out.write(block.subarray(0, Math.min(block.length, bytes - written)))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return path;
}

async function startSourceServer(bytes: number): Promise<{ server: Server; url: string }> {
  const body = Buffer.alloc(bytes);
  randomBytes(Math.min(bytes, MiB)).copy(body);
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes) });
    res.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function* single(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * Puts `count` existing (not removed) files straight into the emulator's store, one minute apart, oldest first,
 * sharing one small blob: state for the REST scenarios without paying for uploads. Returns their UUIDs.
 */
export async function addFiles(emulator: RunningEmulator, publicKey: string, count: number, stored: boolean): Promise<string[]> {
  const blob = await emulator.store.blobs.write(single(Buffer.from('benchmark file\n')));
  const start = Date.now() - count * 60_000 - 60_000;
  const uuids: string[] = [];
  for (let i = 0; i < count; i++) {
    const uploaded = new Date(start + i * 60_000);
    const file = emulator.store.addFile({
      uuid: emulator.store.newUuid(),
      projectKey: publicKey,
      filename: `bench-${i}.txt`,
      size: blob.size,
      mimeType: 'text/plain',
      blobId: blob.id,
      datetimeUploaded: uploaded,
      datetimeStored: stored ? uploaded : null,
      datetimeRemoved: null,
      metadata: {},
      tags: [],
      appdata: null,
      source: null,
      imageInfo: null,
    });
    uuids.push(file.uuid);
  }
  return uuids;
}
