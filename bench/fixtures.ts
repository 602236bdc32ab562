import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { FileRecord, RunningEmulator } from 'rxuploadcare-emulator';

const MiB = 1024 * 1024;

/** Files and servers the runs share: made once per benchmark, removed at the end. */
export class Fixtures {
  readonly #bigFiles = new Map<number, Promise<string>>();
  #source: Promise<SourceServer> | undefined;
  #served = 0;

  private constructor(readonly dir: string) {}

  static async create(): Promise<Fixtures> {
    return new Fixtures(await mkdtemp(join(tmpdir(), 'rxuc-bench-')));
  }

  /** A file of `bytes` random-looking bytes on disk (written once per size, 1 MiB of random data repeated). */
  bigFile(bytes: number): Promise<string> {
    let file = this.#bigFiles.get(bytes);
    if (!file) {
      file = writeFile(join(this.dir, `upload-${bytes}.bin`), bytes);
      this.#bigFiles.set(bytes, file);
    }
    return file;
  }

  /**
   * A fresh URL on a loopback server answering `bytes` bytes (a new query each time, so no run reuses another's),
   * at `bytesPerSecond` when given (a slow source), else as fast as the socket takes them.
   */
  async sourceUrl(bytes: number, bytesPerSecond?: number): Promise<string> {
    this.#source ??= startSourceServer();
    const { url } = await this.#source;
    return `${url}/source-${bytes}.bin?rate=${bytesPerSecond ?? 0}&run=${++this.#served}`;
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

interface SourceServer {
  readonly server: Server;
  readonly url: string;
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

/** Serves `/source-<bytes>.bin?rate=<bytes per second, 0 for full speed>`: each size's body is made once. */
async function startSourceServer(): Promise<SourceServer> {
  const bodies = new Map<number, Buffer>();
  const bodyOf = (bytes: number): Buffer => {
    let body = bodies.get(bytes);
    if (!body) {
      body = Buffer.alloc(bytes);
      randomBytes(Math.min(bytes, MiB)).copy(body);
      bodies.set(bytes, body);
    }
    return body;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://source');
    const bytes = Number(/^\/source-(\d+)\.bin$/.exec(url.pathname)?.[1]);
    if (!Number.isSafeInteger(bytes) || bytes <= 0) return void res.writeHead(404).end();
    const body = bodyOf(bytes);
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(bytes) });
    const rate = Number(url.searchParams.get('rate'));
    if (rate > 0) trickle(res, body, rate);
    else res.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Writes `body` at about `bytesPerSecond`, in small steps every 10 ms. */
function trickle(res: ServerResponse, body: Buffer, bytesPerSecond: number): void {
  const started = Date.now();
  let sent = 0;
  const timer = setInterval(() => {
    const due = Math.min(body.length, Math.ceil(((Date.now() - started) / 1000) * bytesPerSecond));
    if (due > sent) res.write(body.subarray(sent, due));
    sent = Math.max(sent, due);
    if (sent < body.length) return;
    clearInterval(timer);
    res.end();
  }, 10);
  res.on('close', () => clearInterval(timer));
}

async function* single(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/** What the files of one {@link addFiles} call are: their bytes (one blob shared by all) and how each is described. */
interface FileKind {
  readonly bytes: Buffer;
  readonly filename: (index: number) => string;
  readonly mimeType: string;
  readonly imageInfo: FileRecord['imageInfo'];
}

const TEXT_FILES: FileKind = { bytes: Buffer.from('benchmark file\n'), filename: (i) => `bench-${i}.txt`, mimeType: 'text/plain', imageInfo: null };

/**
 * Puts `count` existing (not removed) files straight into the emulator's store, one minute apart, oldest first,
 * sharing one small blob: state for the REST scenarios without paying for uploads. Returns their UUIDs.
 */
export async function addFiles(emulator: RunningEmulator, publicKey: string, count: number, stored: boolean, kind: FileKind = TEXT_FILES): Promise<string[]> {
  const blob = await emulator.store.blobs.write(single(kind.bytes));
  const start = Date.now() - count * 60_000 - 60_000;
  const uuids: string[] = [];
  for (let i = 0; i < count; i++) {
    const uploaded = new Date(start + i * 60_000);
    const file = emulator.store.addFile({
      uuid: emulator.store.newUuid(),
      projectKey: publicKey,
      filename: kind.filename(i),
      size: blob.size,
      mimeType: kind.mimeType,
      blobId: blob.id,
      datetimeUploaded: uploaded,
      datetimeStored: stored ? uploaded : null,
      datetimeRemoved: null,
      metadata: {},
      tags: [],
      appdata: null,
      source: null,
      imageInfo: kind.imageInfo,
    });
    uuids.push(file.uuid);
  }
  return uuids;
}

/**
 * Adds `count` stored PNG files of the given size, one blob shared by all (each is its own file, so the CDN renders
 * each thumbnail anew: its cache is keyed by path). The image is a gradient made by sharp, the emulator's own image
 * library.
 */
export async function addImageFiles(emulator: RunningEmulator, publicKey: string, count: number, size: { readonly width: number; readonly height: number }): Promise<string[]> {
  const { default: sharp } = await import('sharp');
  const gradient = `<svg width="${size.width}" height="${size.height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#12b5a5"/><stop offset="1" stop-color="#ff8c42"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  const bytes = await sharp(Buffer.from(gradient)).png().toBuffer();
  return addFiles(emulator, publicKey, count, true, {
    bytes,
    filename: (i) => `photo-${i}.png`,
    mimeType: 'image/png',
    imageInfo: { width: size.width, height: size.height, format: 'PNG' },
  });
}
