import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fromUrl as officialFromUrl } from '@uploadcare/upload-client';
import { parseCli } from '../../lib/cli-args.js';
import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { refusedSourceAddress } from '../../lib/upload/source-address.js';
import { PUBLIC_KEY, postForm, waitForFromUrl } from '../upload/upload-api-helpers.js';

const REFUSAL = { status_code: 400, content: 'Only public IPs are allowed.', error_code: 'URLHostPrivateIPForbiddenError' };

/**
 * `from_url` of a private address is refused at once, as the real service does ("Only public IPs are allowed.", the
 * official client's `URLHostPrivateIPForbiddenError`). Loopback stays allowed unless `allowLoopbackSources: false`.
 */
describe('emulator fidelity: from_url of private addresses', () => {
  let emulator: RunningEmulator;
  let strict: RunningEmulator;
  let source: Server;
  let sourceUrl: string;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    strict = await startEmulator({ port: 0, allowLoopbackSources: false });
    source = createServer((req, res) => {
      if (req.url === '/to-control') return void res.writeHead(302, { Location: `${emulator.url}/__emulator/requests` }).end();
      if (req.url === '/to-private') return void res.writeHead(302, { Location: 'http://10.0.0.1/secret' }).end();
      res.end('loopback bytes');
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    sourceUrl = `http://127.0.0.1:${(source.address() as AddressInfo).port}/a.txt`;
  });

  afterAll(async () => {
    await Promise.all([emulator.close(), strict.close(), new Promise((resolve) => source.close(resolve))]);
  });

  const fromUrl = (url: string, base = emulator.url) => postForm('/from_url/?jsonerrors=1', { pub_key: PUBLIC_KEY, source_url: url }, base);

  it('refuses private, link-local and unique-local sources before any task', async () => {
    const sources = ['http://192.168.1.10/a.jpg', 'http://10.0.0.1/', 'http://172.16.5.4/x', 'http://172.31.255.255/x', 'http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]/x', 'http://[fd12::1]/x', 'http://[::ffff:10.1.2.3]/x', 'http://0.0.0.0/x'];
    for (const url of sources) expect((await fromUrl(url)).json).withContext(url).toEqual({ error: REFUSAL });
  });

  it('tells public addresses from private ones', () => {
    for (const address of ['8.8.8.8', '172.32.0.1', '172.15.255.255', '192.169.0.1', '2001:4860:4860::8888']) expect(refusedSourceAddress(address, false)).withContext(address).toBeNull();
    expect(refusedSourceAddress('127.0.0.1', true)).toBeNull();
    expect(refusedSourceAddress('::1', false)).toBe('loopback');
  });

  it('downloads from loopback by default, and refuses it with allowLoopbackSources: false (--no-loopback-sources)', async () => {
    const allowed = await fromUrl(sourceUrl);
    const states = await waitForFromUrl(allowed.json['token'] as string, emulator.url);
    expect(states[states.length - 1]?.['status']).toBe('success');
    expect((await fromUrl(sourceUrl, strict.url)).json).toEqual({ error: REFUSAL });
    const command = parseCli(['--no-loopback-sources']);
    expect(command.kind === 'run' ? command.options.allowLoopbackSources : undefined).toBeFalse();
  });

  it("never fetches an emulator's control API (its request log holds other clients' headers), named or redirected to", async () => {
    for (const path of ['/__emulator/requests', '//__emulator/requests', '/%5F%5Femulator/requests']) {
      expect((await fromUrl(`${emulator.url}${path}`)).json).withContext(path).toEqual({ error: REFUSAL });
    }
    const origin = new URL(sourceUrl).origin;
    for (const path of ['/to-control', '/to-private']) {
      const states = await waitForFromUrl((await fromUrl(`${origin}${path}`)).json['token'] as string, emulator.url);
      expect(states[states.length - 1]).withContext(path).toEqual(
        jasmine.objectContaining({ status: 'error', error_code: 'URLHostPrivateIPForbiddenError' }),
      );
    }
  });

  it('gives the official client the real error code', async () => {
    await expectAsync(officialFromUrl('http://192.168.0.20/photo.jpg', { publicKey: PUBLIC_KEY, baseURL: emulator.url })).toBeRejectedWith(
      jasmine.objectContaining({ code: 'URLHostPrivateIPForbiddenError', message: 'Only public IPs are allowed.' }),
    );
  });
});
