import { request } from 'node:http';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { PUBLIC_KEY, patternBytes, postForm } from './upload-api-helpers.js';

const MiB = 1024 * 1024;

/** Sends `head` of a body that promises `length` bytes, then cuts the connection. */
function sendCut(url: string, method: string, headers: Record<string, string>, length: number, head: Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, { method, headers: { ...headers, 'Content-Length': String(length) } });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.write(head, () => setTimeout(() => req.destroy(), 50));
  });
}

describe('emulator uploads cut by the client', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('keeps nothing of a direct upload cut mid-body', async () => {
    const before = emulator.store.filesOf(PUBLIC_KEY).length;
    const boundary = 'cutboundary';
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="UPLOADCARE_PUB_KEY"\r\n\r\n${PUBLIC_KEY}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    );
    const body = new Uint8Array([...head, ...patternBytes(256 * 1024)]);
    await sendCut(`${emulator.url}/base/`, 'POST', { 'Content-Type': `multipart/form-data; boundary=${boundary}` }, body.length + MiB, body);
    // The emulator still answers, and no file appeared.
    const after = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: patternBytes(10), filename: 'ok.bin' } }, emulator.url);
    expect(after.status).toBe(200);
    expect(emulator.store.filesOf(PUBLIC_KEY).length).toBe(before + 1);
  });

  it('does not count a part cut mid-body, and takes it again afterwards', async () => {
    const size = 11 * MiB;
    const bytes = patternBytes(size, 12);
    const start = await postForm('/multipart/start/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, filename: 'cut.bin', size: String(size) }, emulator.url);
    const parts = start.json['parts'] as string[];
    await sendCut(parts[0]!, 'PUT', {}, 5 * MiB, bytes.subarray(0, MiB));
    const early = await postForm('/multipart/complete/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, uuid: start.json['uuid'] as string }, emulator.url);
    expect((early.json['error'] as { error_code: string }).error_code).toBe('MultipartUploadSizeTooSmallError');

    const offsets = [0, 5 * MiB, 10 * MiB, size];
    for (let i = 0; i < 3; i++) {
      const answer = await fetch(parts[i]!, { method: 'PUT', body: bytes.subarray(offsets[i], offsets[i + 1]) });
      expect(answer.status).toBe(200);
    }
    const done = await postForm('/multipart/complete/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, uuid: start.json['uuid'] as string }, emulator.url);
    expect(done.status).toBe(200);
    expect(done.json['size']).toBe(size);
    const read = new Uint8Array(await (await fetch(`${emulator.url}/${start.json['uuid'] as string}/`)).arrayBuffer());
    expect(read.length).toBe(size);
    expect(Buffer.compare(read, bytes)).toBe(0);
  });
});
