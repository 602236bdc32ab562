import { testEnv } from '../../../spec/support/test-env.js';

// Isomorphic: browser specs drive faults and read the request log over CORS, as Node specs do.
describe('emulator control API (from Node and browsers)', () => {
  const control = (): string => `${testEnv().emulatorUrl}/__emulator/`;
  const prefix = `/control-api-spec-${Math.random().toString(36).slice(2)}/`;

  it('throttles on request, with a Retry-After the caller can read, and logs it', async () => {
    const added = await fetch(`${control()}faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'throttle', pathPrefix: prefix, count: 1, retryAfterSeconds: 4 }),
    });
    expect(added.status).toBe(201);
    const { id } = (await added.json()) as { id: string };
    try {
      const throttled = await fetch(`${testEnv().emulatorUrl}${prefix}`);
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('Retry-After')).toBe('4');
      await throttled.arrayBuffer();
      const { requests } = (await (await fetch(`${control()}requests`)).json()) as {
        requests: { path: string; status: number | null; faults: string[] }[];
      };
      expect(requests.filter((entry) => entry.path === prefix)).toEqual([
        jasmine.objectContaining({ path: prefix, status: 429, faults: ['throttle'] }),
      ]);
      const { open } = (await (await fetch(`${control()}connections`)).json()) as { open: number };
      expect(open).toBeGreaterThanOrEqual(1);
    } finally {
      expect((await fetch(`${control()}faults/${id}`, { method: 'DELETE' })).status).toBe(204);
    }
  });
});
