import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { baseUploadForm, rawRequest, type RawAnswer } from './support.js';

// Issue 13 item 4: what a web page can do with a running emulator. Pages served from this machine use REST, the
// Upload API and the CDN with CORS as the real service answers (no credentials); the control API and the demo signer
// answer the emulator's own page and trusted origins only; a DNS-rebound host name is refused; user content never runs
// as a page on the emulator's origin.

const TRUSTED = 'http://127.0.0.1:9876';
const LOOPBACK_PAGE = 'http://localhost:4200';
const FOREIGN_PAGE = 'https://attacker.example';
const SIMPLE = { Accept: 'application/vnd.uploadcare-v0.7+json', Authorization: 'Uploadcare.Simple demopublickey:demosecretkey' };
const SIGN_STRING = `GET\nd41d8cd98f00b204e9800998ecf8427e\n\n${new Date().toUTCString()}\n/files/`;

function answered(answer: RawAnswer): Extract<RawAnswer, { kind: 'answer' }> {
  if (answer.kind !== 'answer') throw new Error(`no answer: ${answer.code}`);
  return answer;
}

describe('the emulator and web pages (issue 13 item 4)', () => {
  let emulator: RunningEmulator;
  let hostPort: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, trustedOrigins: [TRUSTED] });
    hostPort = `127.0.0.1:${emulator.port}`;
  });
  afterAll(() => emulator.close());

  const get = (path: string, headers: Record<string, string> = {}) => rawRequest(`${emulator.url}${path}`, { headers }).then(answered);
  const sign = (headers: Record<string, string>) =>
    rawRequest(`${emulator.url}/demo/sign`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ signString: SIGN_STRING }) }).then(answered);

  async function upload(filename: string, bytes: Buffer): Promise<string> {
    const form = baseUploadForm('demopublickey', filename, bytes);
    const answer = answered(await rawRequest(`${emulator.url}/base/`, { method: 'POST', headers: { 'Content-Type': form.contentType }, body: form.body }));
    return (JSON.parse(answer.body.toString()) as { file: string }).file;
  }

  describe('CORS', () => {
    it('answers a page of this machine with its origin and no credentials, on REST, Upload API and CDN', async () => {
      const uuid = await upload('a.txt', Buffer.from('abc'));
      for (const path of ['/files/', `/info/?pub_key=demopublickey&file_id=${uuid}`, `/${uuid}/`]) {
        const answer = await get(path, { ...SIMPLE, Origin: LOOPBACK_PAGE });
        expect(answer.status).withContext(path).toBe(200);
        expect(answer.headers['access-control-allow-origin']).withContext(path).toBe(LOOPBACK_PAGE);
        expect(answer.headers['access-control-allow-credentials']).withContext(path).toBeUndefined();
        expect(answer.headers['vary']).withContext(path).toContain('Origin');
      }
      const preflight = answered(
        await rawRequest(`${emulator.url}/files/`, {
          method: 'OPTIONS',
          headers: { Origin: LOOPBACK_PAGE, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization,x-uploadcare-date' },
        }),
      );
      expect(preflight.status).toBe(204);
      expect(preflight.headers['access-control-allow-headers']).toBe('authorization,x-uploadcare-date');
      expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('refuses a foreign page, preflights and simple requests alike, with no CORS headers', async () => {
      const before = emulator.store.filesOf('demopublickey').length;
      const form = baseUploadForm('demopublickey', 'from-a-foreign-page.txt', Buffer.from('x'));
      const answers = [
        await get('/files/', { ...SIMPLE, Origin: FOREIGN_PAGE }),
        await get('/files/', { ...SIMPLE, Origin: 'null' }),
        answered(await rawRequest(`${emulator.url}/files/`, { method: 'OPTIONS', headers: { Origin: FOREIGN_PAGE, 'Access-Control-Request-Method': 'GET' } })),
        answered(await rawRequest(`${emulator.url}/base/`, { method: 'POST', headers: { Origin: FOREIGN_PAGE, 'Content-Type': form.contentType }, body: form.body })),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(403);
        expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      }
      expect(emulator.store.filesOf('demopublickey').length).toBe(before);
    });

    it('never lets a foreign page make it fetch a loopback-only service (from_url refused before any download)', async () => {
      let hits = 0;
      const secret: Server = createServer((_req, res) => {
        hits++;
        res.end('loopback-only secret');
      });
      await new Promise<void>((resolve) => secret.listen(0, '127.0.0.1', resolve));
      try {
        const source = `http://127.0.0.1:${(secret.address() as AddressInfo).port}/secret.txt`;
        const body = new URLSearchParams({ pub_key: 'demopublickey', source_url: source }).toString();
        const answer = answered(
          await rawRequest(`${emulator.url}/from_url/`, { method: 'POST', headers: { Origin: FOREIGN_PAGE, 'Content-Type': 'application/x-www-form-urlencoded' }, body }),
        );
        expect(answer.status).toBe(403);
        expect(answer.headers['access-control-allow-origin']).toBeUndefined();
        expect(hits).toBe(0);
      } finally {
        await new Promise((resolve) => secret.close(resolve));
      }
    });
  });

  describe('the control API', () => {
    it('answers the emulator\'s own origin, trusted origins and clients that are no page', async () => {
      expect((await get('/__emulator/faults')).status).toBe(200);
      expect((await get('/__emulator/faults', { Origin: emulator.url })).status).toBe(200);
      const trusted = await get('/__emulator/faults', { Origin: TRUSTED });
      expect(trusted.status).toBe(200);
      expect(trusted.headers['access-control-allow-origin']).toBe(TRUSTED);
      expect(trusted.headers['access-control-allow-credentials']).toBeUndefined();
    });

    it('refuses any other page, even of this machine, and a simple POST from it changes nothing', async () => {
      for (const origin of [LOOPBACK_PAGE, FOREIGN_PAGE, 'null']) {
        const read = await get('/__emulator/requests', { Origin: origin });
        expect(read.status).withContext(origin).toBe(403);
        expect(read.headers['access-control-allow-origin']).withContext(origin).toBeUndefined();
        const write = answered(
          await rawRequest(`${emulator.url}/__emulator/faults`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'text/plain' }, body: JSON.stringify({ kind: 'error', status: 500 }) }),
        );
        expect(write.status).withContext(origin).toBe(403);
      }
      // A page's <script> or <img> sends no Origin, but says it is cross-site.
      expect((await get('/__emulator/requests', { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
      expect(emulator.faults.list()).toEqual([]);
    });
  });

  describe('the demo signer', () => {
    it('signs for the demo page (its own origin), trusted origins and clients that are no page', async () => {
      const pages: Record<string, string>[] = [{}, { Origin: emulator.url, 'Sec-Fetch-Site': 'same-origin' }, { Origin: TRUSTED }];
      for (const headers of pages) {
        expect((await sign(headers)).status).withContext(JSON.stringify(headers)).toBe(200);
      }
    });

    it('refuses every other page, loopback ones included', async () => {
      const pages: Record<string, string>[] = [{ Origin: LOOPBACK_PAGE }, { Origin: `http://localhost:${emulator.port}` }, { Origin: FOREIGN_PAGE }, { Origin: 'null' }, { 'Sec-Fetch-Site': 'same-site' }];
      for (const headers of pages) {
        const answer = await sign(headers);
        expect(answer.status).withContext(JSON.stringify(headers)).toBe(403);
        expect(answer.body.toString()).not.toMatch(/[0-9a-f]{40}/);
      }
    });
  });

  describe('the Host header', () => {
    it('answers loopback names, and refuses any other (a DNS-rebound page names its own host) with a 421', async () => {
      for (const host of [hostPort, `localhost:${emulator.port}`, `[::1]:${emulator.port}`, 'localhost']) {
        expect((await get('/files/', { ...SIMPLE, Host: host })).status).withContext(host).toBe(200);
      }
      for (const host of [`attacker.example:${emulator.port}`, `127.0.0.1.attacker.example:${emulator.port}`, 'localhost.attacker.example', '10.0.0.1']) {
        for (const path of ['/files/', '/__emulator/faults', '/']) {
          const answer = await get(path, { ...SIMPLE, Host: host, Origin: `http://${host}` });
          expect(answer.status).withContext(`${host} ${path}`).toBe(421);
        }
        expect((await sign({ Host: host, Origin: `http://${host}` })).status).withContext(host).toBe(421);
      }
    });
  });

  describe('user content on the CDN', () => {
    it('serves HTML, SVG and XML as downloads, sandboxed and never sniffed', async () => {
      const files: [string, string, string][] = [
        ['index.html', '<!doctype html><html><script>fetch("/demo/sign")</script></html>', 'text/html'],
        ['image.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml'],
        ['data.xml', '<?xml version="1.0"?><a/>', 'xml'],
      ];
      for (const [name, content, type] of files) {
        const uuid = await upload(name, Buffer.from(content));
        const answer = await get(`/${uuid}/`);
        expect(answer.headers['content-type']).withContext(name).toContain(type);
        expect(answer.headers['content-disposition']).withContext(name).toMatch(/^attachment; /);
        expect(answer.headers['content-disposition']).withContext(name).toContain(`filename*=UTF-8''${name}`);
        expect(answer.headers['x-content-type-options']).withContext(name).toBe('nosniff');
        expect(answer.headers['content-security-policy']).withContext(name).toContain('sandbox');
      }
    });

    it('serves other content inline with its name and nosniff', async () => {
      const uuid = await upload("report (v2) 'final'.txt", Buffer.from('plain'));
      const answer = await get(`/${uuid}/`);
      expect(answer.headers['content-disposition']).toBe(`inline; filename="report (v2) 'final'.txt"; filename*=UTF-8''report%20%28v2%29%20%27final%27.txt`);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['content-security-policy']).toBeUndefined();
    });
  });
});
