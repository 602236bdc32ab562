import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { createHash, randomBytes } from 'node:crypto';
import { baseUploadForm, rawRequest } from './support.js';

describe('emulator faults', () => {
  let emulator: RunningEmulator;

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterEach(async () => {
    await emulator.close();
  });

  it('throttles a count of REST requests with 429, Retry-After and the REST API body', async () => {
    emulator.faults.add({ kind: 'throttle', count: 2, retryAfterSeconds: 7, pathPrefix: '/files/' });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await fetch(`${emulator.url}/files/`));
    expect(answers.map((answer) => answer.status).slice(0, 2)).toEqual([429, 429]);
    expect(answers[2]?.status).not.toBe(429);
    for (const answer of answers.slice(0, 2)) {
      expect(answer.headers.get('retry-after')).toBe('7');
      expect(answer.headers.get('x-throttle-wait-seconds')).toBe('7');
      expect(answer.headers.get('content-type')).toContain('application/json');
      expect(await answer.json()).toEqual({ detail: 'Request was throttled. Expected available in 7 seconds.' });
    }
    expect(emulator.faults.list()[0]).toEqual(jasmine.objectContaining({ kind: 'throttle', seen: 3, applied: 2 }));
  });

  it('throttles Upload API requests with its error envelope under jsonerrors=1, and text otherwise', async () => {
    emulator.faults.add({ kind: 'throttle', pathPrefix: '/base/', retryAfterSeconds: 3 });
    const json = await fetch(`${emulator.url}/base/?jsonerrors=1`, { method: 'POST', body: 'x' });
    expect(json.status).toBe(429);
    expect(json.headers.get('retry-after')).toBe('3');
    expect(json.headers.has('x-throttle-wait-seconds')).toBeFalse();
    expect(await json.json()).toEqual({
      error: { status_code: 429, content: 'Request was throttled.', error_code: 'RequestThrottledError' },
    });
    const text = await fetch(`${emulator.url}/base/`, { method: 'POST', body: 'x' });
    expect(text.status).toBe(429);
    expect(text.headers.get('content-type')).toContain('text/plain');
    expect(await text.text()).toBe('Request was throttled.');
  });

  it('throttles the same requests again for the same seed, and about the asked fraction', async () => {
    const run = async (): Promise<number[]> => {
      emulator.faults.set({ seed: 1234, rules: [{ kind: 'throttle', rate: 0.3 }] });
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++) {
        const answer = await fetch(`${emulator.url}/project/`);
        await answer.arrayBuffer();
        statuses.push(answer.status);
      }
      return statuses;
    };
    const first = await run();
    const second = await run();
    expect(second).toEqual(first);
    const throttled = first.filter((status) => status === 429).length;
    expect(throttled).toBeGreaterThan(5);
    expect(throttled).toBeLessThan(35);
    expect(emulator.faults.list()[0]?.applied).toBe(throttled);
    expect(emulator.faults.seed).toBe(1234);
  });

  it('answers 500 and 503 in the shape of the API called', async () => {
    emulator.faults.set({ rules: [{ kind: 'error', status: 500, count: 1 }, { kind: 'error', count: 2 }] });
    const rest = await fetch(`${emulator.url}/files/`);
    expect(rest.status).toBe(500);
    expect(await rest.json()).toEqual({ detail: 'Internal server error.' });
    const upload = await fetch(`${emulator.url}/info/?jsonerrors=1`);
    expect(upload.status).toBe(503);
    expect(await upload.json()).toEqual({
      error: { status_code: 503, content: 'Service temporarily unavailable.', error_code: 'UploadAPIError' },
    });
    const cdn = await fetch(`${emulator.url}/3addab78-6368-4c55-ac08-22412b6a2a4c/`);
    expect(cdn.status).toBe(503);
    expect(await cdn.text()).toBe('Service temporarily unavailable.');
  });

  it('drops connections without an answer, and logs them as dropped by the server', async () => {
    emulator.faults.add({ kind: 'drop', count: 1, pathPrefix: '/files/' });
    const dropped = await rawRequest(`${emulator.url}/files/`);
    expect(dropped.kind).toBe('network-error');
    const next = await rawRequest(`${emulator.url}/files/`);
    expect(next.kind).toBe('answer');
    const [first, second] = emulator.requests.list();
    expect(first).toEqual(jasmine.objectContaining({ path: '/files/', droppedByServer: true, abortedByClient: false, status: null }));
    expect(first?.faults).toEqual(['drop']);
    expect(second).toEqual(jasmine.objectContaining({ droppedByServer: false, faults: [] }));
  });

  it('drops an upload in the middle of its body', async () => {
    emulator.faults.add({ kind: 'drop', afterBytes: 64 * 1024, pathPrefix: '/base/' });
    const answer = await rawRequest(`${emulator.url}/base/`, { method: 'POST', body: Buffer.alloc(1024 * 1024, 1) });
    expect(answer.kind).toBe('network-error');
    expect(emulator.requests.list()[0]).toEqual(jasmine.objectContaining({ droppedByServer: true, status: null }));
  });

  it('paces response bodies, which arrive intact in many small pieces', async () => {
    emulator.faults.add({ kind: 'slow-body', bytesPerSecond: 100, pathPrefix: '/no-such-page/' });
    const paced = await rawRequest(`${emulator.url}/no-such-page/`);
    const plain = await rawRequest(`${emulator.url}/other-page/`);
    if (paced.kind !== 'answer' || plain.kind !== 'answer') throw new Error('no answer');
    expect(paced.status).toBe(404);
    expect(JSON.parse(paced.body.toString())).toEqual({ detail: 'Not found.' });
    expect(paced.chunks).toBeGreaterThanOrEqual(3);
    expect(plain.chunks).toBe(1);
    expect(emulator.requests.list()[0]?.faults).toEqual(['slow-body']);
  });

  it('paces a streamed CDN body with backpressure, byte for byte', async () => {
    const content = randomBytes(300 * 1024);
    const form = baseUploadForm('demopublickey', 'paced.bin', content);
    const uploaded = await fetch(`${emulator.url}/base/`, {
      method: 'POST',
      headers: { 'Content-Type': form.contentType },
      body: new Uint8Array(form.body),
    });
    const { file } = (await uploaded.json()) as { file: string };
    emulator.faults.add({ kind: 'slow-body', bytesPerSecond: 1024 * 1024, pathPrefix: `/${file}/` });
    const paced = await rawRequest(`${emulator.url}/${file}/`);
    if (paced.kind !== 'answer') throw new Error('no answer');
    expect(paced.status).toBe(200);
    expect(paced.headers['content-length']).toBe(String(content.length));
    expect(createHash('md5').update(paced.body).digest('hex')).toBe(createHash('md5').update(content).digest('hex'));
    expect(paced.chunks).toBeGreaterThanOrEqual(5);
  });

  it('adds latency to the requests it considers and counts them', async () => {
    emulator.faults.add({ kind: 'latency', latencyMs: 30, jitterMs: 10, methods: ['POST'] });
    await (await fetch(`${emulator.url}/nothing/`, { method: 'POST' })).arrayBuffer();
    await (await fetch(`${emulator.url}/nothing/`)).arrayBuffer();
    expect(emulator.requests.list().map((entry) => entry.faults)).toEqual([['latency'], []]);
    expect(emulator.faults.list()[0]).toEqual(jasmine.objectContaining({ seen: 1, applied: 1 }));
  });

  it('lets `skip` requests pass first, and lets the first outcome rule win', async () => {
    emulator.faults.set({
      rules: [
        { kind: 'throttle', skip: 1, count: 1 },
        { kind: 'error', status: 500 },
      ],
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await rawRequest(`${emulator.url}/project/`)).kind === 'answer' ? 0 : -1);
    const log = emulator.requests.list();
    expect(log.map((entry) => entry.status)).toEqual([500, 429, 500]);
    expect(log.map((entry) => entry.faults)).toEqual([['error'], ['throttle'], ['error']]);
    expect(statuses).toEqual([0, 0, 0]);
  });

  it('draws each Retry-After in a [min, max] range from the seed, and logs it', async () => {
    const waitsOf = async (): Promise<string[]> => {
      emulator.requests.reset();
      emulator.faults.set({ seed: 77, rules: [{ kind: 'throttle', pathPrefix: '/files/', retryAfterSeconds: [0, 2] }] });
      const waits: string[] = [];
      for (let i = 0; i < 60; i++) waits.push((await fetch(`${emulator.url}/files/`)).headers.get('retry-after') ?? '');
      expect(emulator.requests.list().map((entry) => String(entry.retryAfterSeconds))).toEqual(waits);
      return waits;
    };
    const waits = await waitsOf();
    expect([...new Set(waits)].sort()).toEqual(['0', '1', '2']);
    expect(await waitsOf()).toEqual(waits);
    emulator.faults.clear();
    await fetch(`${emulator.url}/files/`);
    expect(emulator.requests.list().at(-1)?.retryAfterSeconds).toBeNull();
  });

  it('refuses rules that are not valid data', () => {
    for (const retryAfterSeconds of [[2, 1], [0], [-1, 2], [0, 1.5], [0, 1, 2], -1, 0.5]) {
      expect(() => emulator.faults.add({ kind: 'throttle', retryAfterSeconds } as never)).toThrowError(/retryAfterSeconds must be/);
    }
    expect(() => emulator.faults.add({ kind: 'throttle', rate: 2 })).toThrowError(/rate must be at most 1/);
    expect(() => emulator.faults.add({ kind: 'latency' } as never)).toThrowError(/latencyMs is required/);
    expect(() => emulator.faults.set({ rules: [{ kind: 'explode' } as never] })).toThrowError(/kind must be one of/);
    expect(emulator.faults.list()).toEqual([]);
  });
});
