import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { rest } from '../rest/support/signed-fetch.js';
import { PUBLIC_KEY, postForm, waitForFromUrl } from './upload-api-helpers.js';

// Issue 12's demo point: how a file uploaded from a URL is named. The real service takes the source's
// Content-Disposition name (filename* first, then filename), else the URL's last path segment; the emulator's CDN
// answers with the file's name in Content-Disposition, so a from-URL of a CDN URL keeps the original name.

/** Disposition headers the source answers with, by path. */
const DISPOSITIONS: Readonly<Record<string, string>> = {
  '/download?id=1': `attachment; filename="fallback.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20v2.pdf`,
  '/download?id=2': 'inline; filename="quarterly report.txt"',
  '/download?id=3': 'attachment; filename=plain-token.csv',
  '/download?id=4': 'attachment; filename="../../etc/passwd"',
  '/download?id=5': `attachment; filename*=iso-8859-1'en'caf%E9.txt`,
  '/download?id=6': 'attachment',
};

describe('emulator from_url file names', () => {
  let emulator: RunningEmulator;
  let source: Server;
  let sourceUrl: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    source = createServer((req, res) => {
      const disposition = DISPOSITIONS[req.url ?? ''];
      res.writeHead(200, { 'Content-Type': 'text/plain', ...(disposition ? { 'Content-Disposition': disposition } : {}) });
      res.end('content');
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => source.close(resolve));
    await emulator.close();
  });

  async function upload(filename: string, type: string): Promise<string> {
    const answer = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: new TextEncoder().encode('bytes'), filename, type } }, emulator.url);
    return answer.json['file'] as string;
  }

  async function nameOfUploadFrom(url: string): Promise<string> {
    const answer = await postForm('/from_url/?jsonerrors=1', { pub_key: PUBLIC_KEY, source_url: url }, emulator.url);
    expect(answer.status).withContext(url).toBe(200);
    const last = (await waitForFromUrl(answer.json['token'] as string, emulator.url)).at(-1);
    expect(last?.['status']).withContext(url).toBe('success');
    return last?.['original_filename'] as string;
  }

  it('takes the name from the source\'s Content-Disposition, filename* over filename', async () => {
    expect(await nameOfUploadFrom(`${sourceUrl}/download?id=1`)).toBe('résumé v2.pdf');
    expect(await nameOfUploadFrom(`${sourceUrl}/download?id=2`)).toBe('quarterly report.txt');
    expect(await nameOfUploadFrom(`${sourceUrl}/download?id=3`)).toBe('plain-token.csv');
    expect(await nameOfUploadFrom(`${sourceUrl}/download?id=5`)).toBe('café.txt');
  });

  it('keeps a disposition name carrying a path as given, as for direct uploads (what writes by name defends itself)', async () => {
    expect(await nameOfUploadFrom(`${sourceUrl}/download?id=4`)).toBe('../../etc/passwd');
  });

  it('falls back to the URL\'s last path segment, then to "original"', async () => {
    expect(await nameOfUploadFrom(`${sourceUrl}/download?id=6`)).toBe('download');
    expect(await nameOfUploadFrom(`${sourceUrl}/files/two%20words.txt`)).toBe('two words.txt');
    expect(await nameOfUploadFrom(`${sourceUrl}/`)).toBe('original');
  });

  it('names a file fetched from an emulator CDN URL after the original, not "original"', async () => {
    const original = await upload('two-of-them.txt', 'text/plain');
    expect(await nameOfUploadFrom(`${emulator.url}/${original}/`)).toBe('two-of-them.txt');
    expect(await nameOfUploadFrom(`${emulator.url}/${original}/-/inline/yes/renamed.txt`)).toBe('renamed.txt');
  });

  it('writes original_file_url\'s name part as the real service does, original_filename as uploaded', async () => {
    const uuid = await upload('two-of-them (1).jpg', 'image/jpeg');
    const info = await rest(emulator.url, { path: `/files/${uuid}/` });
    const body = info.body as { original_file_url: string; original_filename: string };
    expect(body.original_file_url).toBe(`${emulator.url}/${uuid}/twoofthem1.jpg`);
    expect(body.original_filename).toBe('two-of-them (1).jpg');
    const served = await fetch(body.original_file_url);
    expect(served.status).toBe(200);
  });
});
