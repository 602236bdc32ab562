import { connect, type Socket } from 'node:net';
import { startEmulator, type LoggedRequest, type RunningEmulator } from '../../lib/index.js';
import { eventually } from './support.js';

interface Connections {
  open: number;
  inFlight: number;
}

describe('emulator control API', () => {
  let emulator: RunningEmulator;
  let control: string;

  const getJson = async <T>(path: string): Promise<T> => {
    const answer = await fetch(`${control}${path}`);
    expect(answer.status).toBe(200);
    return (await answer.json()) as T;
  };
  const send = (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${control}${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
  const log = async (): Promise<LoggedRequest[]> => (await getJson<{ requests: LoggedRequest[] }>('requests')).requests;

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0 });
    control = `${emulator.url}/__emulator/`;
  });

  afterEach(async () => {
    await emulator.close();
  });

  it('lists the requests served, without its own, and forgets them on DELETE', async () => {
    await (await fetch(`${emulator.url}/files/?limit=1`)).arrayBuffer();
    await (await fetch(`${emulator.url}/info/`, { method: 'POST' })).arrayBuffer();
    const entries = await log();
    expect(entries.map((entry) => [entry.method, entry.url, entry.path])).toEqual([
      ['GET', '/files/?limit=1', '/files/'],
      ['POST', '/info/', '/info/'],
    ]);
    for (const entry of entries) {
      expect(entry.status).toEqual(jasmine.any(Number));
      expect(entry.endedAt).toBeGreaterThanOrEqual(entry.startedAt);
      expect(entry.abortedByClient).toBeFalse();
    }
    const since = (await getJson<{ requests: LoggedRequest[] }>(`requests?since=${entries[0]?.id ?? 0}`)).requests;
    expect(since.map((entry) => entry.path)).toEqual(['/info/']);
    expect((await send('DELETE', 'requests')).status).toBe(204);
    expect(await log()).toEqual([]);
    expect(emulator.requests.list()).toEqual([]);
  });

  it('marks requests whose client went away before the answer', async () => {
    emulator.faults.add({ kind: 'latency', latencyMs: 60_000, pathPrefix: '/slow/' });
    const abort = new AbortController();
    const pending = fetch(`${emulator.url}/slow/`, { signal: abort.signal }).catch((error: unknown) => error);
    await eventually(() => getJson<Connections>('connections'), (state) => state.inFlight === 1, 'the slow request');
    expect((await log()).map((entry) => [entry.path, entry.endedAt, entry.status])).toEqual([['/slow/', null, null]]);
    abort.abort();
    expect(await pending).toEqual(jasmine.any(Error));
    const [entry] = await eventually(log, (entries) => entries[0]?.endedAt !== null, 'the aborted request to end');
    expect(entry).toEqual(
      jasmine.objectContaining({ path: '/slow/', abortedByClient: true, droppedByServer: false, status: null, faults: ['latency'] }),
    );
    expect((await getJson<Connections>('connections')).inFlight).toBe(0);
  });

  it('counts requests in flight even when the log was reset meanwhile', async () => {
    emulator.faults.add({ kind: 'latency', latencyMs: 60_000, pathPrefix: '/slow/' });
    const abort = new AbortController();
    const pending = fetch(`${emulator.url}/slow/`, { signal: abort.signal }).catch((error: unknown) => error);
    await eventually(() => emulator.requests.inFlight(), (count) => count === 1, 'the slow request');
    expect((await send('DELETE', 'requests')).status).toBe(204);
    expect(await getJson<Connections>('connections')).toEqual(jasmine.objectContaining({ inFlight: 1 }));
    abort.abort();
    await pending;
    await eventually(() => emulator.requests.inFlight(), (count) => count === 0, 'the request to end');
  });

  it('counts open connections', async () => {
    const baseline = emulator.openConnections();
    const sockets: Socket[] = [];
    for (let i = 0; i < 3; i++) {
      sockets.push(await new Promise<Socket>((resolve) => {
        const socket = connect(emulator.port, '127.0.0.1', () => resolve(socket));
      }));
    }
    // The control request adds its own connection.
    await eventually(() => getJson<Connections>('connections'), (state) => state.open >= baseline + 4, 'three more connections');
    expect(emulator.openConnections()).toBeGreaterThanOrEqual(baseline + 3);
    for (const socket of sockets) socket.destroy();
    await eventually(() => emulator.openConnections(), (open) => open <= baseline + 1, 'the connections to close');
  });

  it('replaces, adds, lists and removes fault rules, with their counters', async () => {
    const put = await send('PUT', 'faults', { seed: 7, rules: [{ kind: 'throttle', count: 1, pathPrefix: '/files/' }] });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({
      seed: 7,
      rules: [{ kind: 'throttle', count: 1, pathPrefix: '/files/', id: jasmine.any(String), seen: 0, applied: 0 }],
    });
    const added = await send('POST', 'faults', { kind: 'error', status: 500, pathPrefix: '/project/' });
    expect(added.status).toBe(201);
    const errorRule = (await added.json()) as { id: string };

    expect((await fetch(`${emulator.url}/files/`)).status).toBe(429);
    expect((await fetch(`${emulator.url}/project/`)).status).toBe(500);
    const state = await getJson<{ seed: number; rules: { kind: string; seen: number; applied: number }[] }>('faults');
    expect(state.rules.map((rule) => [rule.kind, rule.seen, rule.applied])).toEqual([
      ['throttle', 1, 1],
      ['error', 1, 1],
    ]);

    expect((await send('DELETE', `faults/${errorRule.id}`)).status).toBe(204);
    expect((await send('DELETE', `faults/${errorRule.id}`)).status).toBe(404);
    expect((await getJson<{ rules: unknown[] }>('faults')).rules.length).toBe(1);
    expect((await send('DELETE', 'faults')).status).toBe(204);
    expect((await getJson<{ rules: unknown[] }>('faults')).rules).toEqual([]);
    expect((await fetch(`${emulator.url}/project/`)).status).not.toBe(500);
  });

  it('answers 400 naming the field of a bad rule, and changes nothing', async () => {
    emulator.faults.add({ kind: 'latency', latencyMs: 1 });
    const bad = await send('PUT', 'faults', { rules: [{ kind: 'throttle', rate: 3 }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ detail: 'Invalid fault rule: rate must be at most 1', field: 'rate' });
    const unknown = await send('POST', 'faults', { kind: 'drop', bytesPerSecond: 3 });
    expect(unknown.status).toBe(400);
    const malformed = await fetch(`${control}faults`, { method: 'POST', body: '{' });
    expect(malformed.status).toBe(400);
    expect(emulator.faults.list().map((rule) => rule.kind)).toEqual(['latency']);
  });

  it('is not subject to faults, and answers 404 and 405 like the rest', async () => {
    emulator.faults.add({ kind: 'error' });
    expect((await fetch(`${control}faults`)).status).toBe(200);
    expect((await fetch(`${control}nothing`)).status).toBe(404);
    const wrongMethod = await fetch(`${control}connections`, { method: 'POST' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    expect(emulator.requests.list()).toEqual([]);
  });
});
