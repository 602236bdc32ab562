import { createHmac } from 'node:crypto';
import { testEnv } from '../../../spec/support/test-env.js';

// The demo's routes on the emulator: the page, its script and the signer endpoint (a development aid).
describe('emulator demo routes', () => {
  const base = () => testEnv().emulatorUrl;
  const signString = `GET\nd41d8cd98f00b204e9800998ecf8427e\n\n${new Date().toUTCString()}\n/files/?limit=10`;
  const sign = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base()}/demo/sign`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('serves the page at / with the public key only, and its script', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<script id="demo-config" type="application/json">{"publicKey":"demopublickey","signerPath":"/demo/sign"}</script>');
    expect(html).not.toContain('demosecretkey');
    // Its own script and origin only, and no other page may frame it.
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const script = await fetch(`${base()}/demo/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain('demo-config');
  }, 30_000);

  it('signs a REST sign string with the demo project secret', async () => {
    const response = await sign({ signString });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ signature: createHmac('sha1', 'demosecretkey').update(signString).digest('hex') });
  });

  it('signs for the demo page (the emulator\'s own origin), and refuses other origins, loopback ones included', async () => {
    expect((await sign({ signString }, { Origin: base() })).status).toBe(200);
    for (const origin of ['http://localhost:4200', 'http://[::1]:8080', 'https://example.com', 'http://127.0.0.1.example.com', 'null']) {
      const response = await sign({ signString }, { Origin: origin });
      expect(response.status).withContext(origin).toBe(403);
      expect(await response.text()).not.toMatch(/[0-9a-f]{40}/);
    }
  });

  it('refuses what is not a REST sign string with a 400', async () => {
    const bad = [
      undefined,
      {},
      { signString: 42 },
      { signString: 'hello' },
      { signString: signString.replace(/^GET/, 'BREW') },
      { signString: signString.replace('d41d8cd98f00b204e9800998ecf8427e', 'nope') },
      { signString: signString.replace('/files/', 'files/') },
      { signString: `${signString}\nextra` },
      { signString: `${signString}${'x'.repeat(5000)}` },
    ];
    for (const body of bad) expect((await sign(body)).status).withContext(JSON.stringify(body)?.slice(0, 80) ?? 'no body').toBe(400);
  });

  it('names its icon and serves it at /favicon.ico, where browsers look for one (no 404 in the console)', async () => {
    const html = await (await fetch(`${base()}/`)).text();
    expect(html).toContain('<link rel="icon" href="/favicon.ico" type="image/svg+xml">');
    const icon = await fetch(`${base()}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect((await icon.text()).startsWith('<svg')).toBeTrue();
    const head = await fetch(`${base()}/favicon.ico`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('serves the sample image of the from-URL form', async () => {
    const response = await fetch(`${base()}/demo/sample.svg`);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    const body = await response.text();
    expect(body.startsWith('<svg')).toBeTrue();
    expect(body.length).toBe(512 * 1024);
  }, 30_000);
});
