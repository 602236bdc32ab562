import { request } from 'node:http';
import { lastValueFrom, toArray } from 'rxjs';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { FileGroup, FileList, toFile, uploadFile, Uploadcare } from 'rxuploadcare';
import { rawRequest } from './support.js';

/** Starts a multipart upload by hand with the given Host header and returns the part URLs of the answer. */
function partUrlsFor(emulator: RunningEmulator, host: string): Promise<string[]> {
  const body = new URLSearchParams({ UPLOADCARE_PUB_KEY: 'demopublickey', filename: 'big.bin', size: String(11 * 1024 * 1024) }).toString();
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.url}/multipart/start/?jsonerrors=1`,
      { method: 'POST', headers: { Host: host, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve((JSON.parse(text) as { parts: string[] }).parts));
      },
    );
    req.on('error', reject).end(body);
  });
}

describe('the emulator\'s absolute URLs', () => {
  let emulator: RunningEmulator;
  let viaLocalhost: Uploadcare;
  let localhostBase: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, seedFiles: 7 });
    localhostBase = `http://localhost:${emulator.port}/`;
    viaLocalhost = new Uploadcare({ publicKey: 'demopublickey', secretKey: 'demosecretkey', restBase: localhostBase, uploadBase: localhostBase, cdnBase: localhostBase });
  });
  afterAll(() => emulator.close());

  it('stay on the origin the client used: a client on localhost pages through next links (refused on 127.0.0.1)', async () => {
    const files = await lastValueFrom(new FileList({ requestLimit: 2, removed: false }, viaLocalhost).pipe(toArray()));
    expect(files.length).toBe(emulator.store.filesOf('demopublickey').filter((file) => !file.datetimeRemoved).length);
    expect(files.length).toBeGreaterThan(2);
    const info = await lastValueFrom(files[0]!.info());
    expect(info.original_file_url).toMatch(new RegExp(`^${localhostBase}`));
  });

  it('hand out multipart part URLs and group URLs on that origin, so a multipart upload and a group work through it', async () => {
    expect(await partUrlsFor(emulator, `localhost:${emulator.port}`)).toEqual([jasmine.stringMatching(`^${localhostBase}multipart/part/`), jasmine.any(String), jasmine.any(String)]);
    const file = await lastValueFrom(uploadFile(new Uint8Array(11 * 1024 * 1024), {}, viaLocalhost).pipe(toFile()));
    const group = await lastValueFrom(FileGroup.create([file], viaLocalhost));
    const info = await lastValueFrom(group.info());
    expect(info.cdn_url).toBe(`${localhostBase}${group.id}/`);
  });

  it('are never made from a Host header that is not a loopback host name: such requests are refused (421)', async () => {
    for (const host of ['bad host', 'evil.example/path', 'a@b', '127.0.0.1.evil.example', `evil.example:${emulator.port}`]) {
      const answer = await rawRequest(`${emulator.url}/multipart/start/?jsonerrors=1`, { method: 'POST', headers: { Host: host } });
      expect(answer.kind === 'answer' && answer.status).withContext(host).toBe(421);
    }
  });
});
