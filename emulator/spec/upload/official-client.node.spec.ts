import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UploadClient, fromUrl, fromUrlStatus, type FileInfo } from '@uploadcare/upload-client';
import { testEnv } from '../../../spec/support/test-env.js';
import { PNG_3X2, PUBLIC_KEY, patternBytes } from './upload-api-helpers.js';

const MiB = 1024 * 1024;
const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');

async function cdnMd5(url: string): Promise<string> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return md5(new Uint8Array(await response.arrayBuffer()));
}

describe('the official @uploadcare/upload-client against the emulator', () => {
  let client: UploadClient;
  let source: Server;
  let sourceUrl: string;
  const sourceBytes = Buffer.from(patternBytes(300_000, 11));

  beforeAll(async () => {
    const base = testEnv().emulatorUrl;
    client = new UploadClient({ publicKey: PUBLIC_KEY, baseURL: base, baseCDN: base, store: 'auto' });
    source = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': sourceBytes.length });
      res.end(sourceBytes);
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}/files/source.bin`;
  });

  afterAll(async () => {
    await new Promise((resolve) => source.close(resolve));
  });

  it('does a direct upload with metadata and reads it back through info and the CDN', async () => {
    const bytes = Buffer.from(PNG_3X2);
    const file = await client.uploadFile(bytes, { fileName: 'pixel.png', contentType: 'image/png', metadata: { origin: 'spec' } });
    expect(file.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(file.name).toBe('pixel.png');
    expect(file.size).toBe(bytes.length);
    expect(file.isStored).toBeTrue();
    expect(file.isImage).toBeTrue();
    expect(file.mimeType).toBe('image/png');
    expect(file.imageInfo).toEqual(jasmine.objectContaining({ width: 3, height: 2, format: 'PNG', colorMode: 'RGBA' }));
    expect(file.metadata).toEqual({ origin: 'spec' });
    expect(file.cdnUrl).toBe(`${testEnv().emulatorUrl}/${file.uuid}/`);

    const info: FileInfo = await client.info(file.uuid);
    expect(info.uuid).toBe(file.uuid);
    expect(info.originalFilename).toBe('pixel.png');
    expect(info.isReady).toBeTrue();
    expect(await cdnMd5(file.cdnUrl)).toBe(md5(bytes));
  });

  it('does a multipart upload of 30 MiB; the bytes read back have the same md5', async () => {
    const bytes = Buffer.from(patternBytes(30 * MiB, 5));
    const ticks: number[] = [];
    const file = await client.uploadFile(bytes, {
      fileName: 'large.bin',
      contentType: 'application/octet-stream',
      onProgress: (progress) => {
        if (progress.isComputable) ticks.push(progress.value);
      },
    });
    expect(file.size).toBe(30 * MiB);
    expect(file.name).toBe('large.bin');
    expect(ticks[ticks.length - 1]).toBe(1);
    expect(await cdnMd5(file.cdnUrl)).toBe(md5(bytes));
  });

  it('uploads from a loopback URL: token, status polling, success, duplicates', async () => {
    const started = await fromUrl(sourceUrl, {
      publicKey: PUBLIC_KEY,
      baseURL: testEnv().emulatorUrl,
      fileName: 'fetched.bin',
      checkForUrlDuplicates: true,
      saveUrlForRecurrentUploads: true,
    });
    expect(started.type).toBe('token');
    const token = (started as { token: string }).token;
    let status = await fromUrlStatus(token, { publicKey: PUBLIC_KEY, baseURL: testEnv().emulatorUrl });
    for (let i = 0; i < 500 && (status.status === 'waiting' || status.status === 'progress'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = await fromUrlStatus(token, { publicKey: PUBLIC_KEY, baseURL: testEnv().emulatorUrl });
    }
    expect(status.status).toBe('success');
    const fetched = status as FileInfo & { status: string };
    expect(fetched.size).toBe(sourceBytes.length);
    expect(fetched.originalFilename).toBe('fetched.bin');
    expect(await cdnMd5(`${testEnv().emulatorUrl}/${fetched.uuid}/`)).toBe(md5(sourceBytes));

    const again = await fromUrl(sourceUrl, { publicKey: PUBLIC_KEY, baseURL: testEnv().emulatorUrl, checkForUrlDuplicates: true });
    expect(again.type).toBe('file_info');
    expect((again as FileInfo).uuid).toBe(fetched.uuid);
  });

  it('creates a group and reads its info', async () => {
    const one = await client.uploadFile(Buffer.from('one'), { fileName: 'one.txt' });
    const two = await client.uploadFile(Buffer.from('two!'), { fileName: 'two.txt' });
    const group = await client.uploadFileGroup([one.uuid, two.uuid]);
    expect(group.uuid).toMatch(/~2$/);
    // The Upload API documents files_count as an integer (the client's typings say string).
    expect(group.filesCount as unknown).toBe(2);
    expect(group.totalSize).toBe(7);
    expect(group.files.map((file) => file.uuid)).toEqual([one.uuid, two.uuid]);
    expect(group.cdnUrl).toBe(`${testEnv().emulatorUrl}/${group.uuid}/`);

    const info = await client.groupInfo(group.uuid);
    expect(info.id).toBe(group.uuid);
    expect(info.files.map((file) => file?.uuid)).toEqual([one.uuid, two.uuid]);
    expect(await cdnMd5(`${group.cdnUrl}nth/1/`)).toBe(md5(Buffer.from('two!')));
  });

  it("surfaces the emulator's errors as the client's UploadError with the real code", async () => {
    const stranger = new UploadClient({ publicKey: 'nosuchkey', baseURL: testEnv().emulatorUrl, baseCDN: testEnv().emulatorUrl });
    await expectAsync(stranger.uploadFile(Buffer.from('x'))).toBeRejectedWith(
      jasmine.objectContaining({ name: 'UploadError', code: 'ProjectPublicKeyInvalidError', message: 'UPLOADCARE_PUB_KEY is invalid.' }),
    );
  });
});
