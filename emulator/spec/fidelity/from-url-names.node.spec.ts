import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fromUrl, fromUrlStatus, type FileInfo } from '@uploadcare/upload-client';
import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { PUBLIC_KEY } from '../upload/upload-api-helpers.js';

/**
 * File names of from-URL uploads as the real service gives them, seen through the official client (the rules
 * themselves: spec/emulator/upload/from-url-naming.node.spec.ts): the source's `Content-Disposition`
 * (`filename*=UTF-8''small.txt`), else the URL's last path segment.
 */
describe('emulator fidelity: from-URL file names through the official client', () => {
  let emulator: RunningEmulator;
  let source: Server;
  let origin: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    source = createServer((req, res) => {
      if (req.url === '/download?id=7') res.setHeader('Content-Disposition', "attachment; filename*=UTF-8''small.txt");
      res.end('small');
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await Promise.all([emulator.close(), new Promise((resolve) => source.close(resolve))]);
  });

  // fromUrl and fromUrlStatus, not uploadFromUrl: that one connects to Pusher's servers, off this machine.
  async function uploadedName(url: string): Promise<string> {
    const options = { publicKey: PUBLIC_KEY, baseURL: emulator.url };
    const started = await fromUrl(url, options);
    if (started.type !== 'token') throw new Error('expected a token');
    let status = await fromUrlStatus(started.token, options);
    for (let i = 0; i < 500 && (status.status === 'waiting' || status.status === 'progress'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = await fromUrlStatus(started.token, options);
    }
    expect(status.status).toBe('success');
    return (status as FileInfo & { status: string }).originalFilename;
  }

  it("names the file after Content-Disposition's filename*, else the URL's last segment", async () => {
    expect(await uploadedName(`${origin}/download?id=7`)).toBe('small.txt');
    expect(await uploadedName(`${origin}/files/report.csv`)).toBe('report.csv');
  });
});
