import { request } from 'node:http';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { eventually, SLOW_SPEC_MS } from './support.js';

// Every request the emulator logs ends in the log, however its connection ends: `inFlight` reaching 0 is what specs
// (and the control API's /connections) wait for.
describe('emulator request log', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  it('ends a request whose connection Node\'s parser dropped under the answer (a DELETE body sent without a length)', async () => {
    const before = emulator.requests.list().length;
    // node:http sends a DELETE body with neither Content-Length nor chunked encoding: the server reads the request as
    // bodiless, answers it, and refuses the body's bytes as a next request, destroying the socket.
    await new Promise<void>((resolve) => {
      const sent = request(`${emulator.url}/files/storage/`, { method: 'DELETE', agent: false, headers: { Accept: 'application/vnd.uploadcare-v0.7+json' } }, (res) => {
        res.resume().on('end', resolve).on('error', () => resolve());
      });
      sent.on('error', () => resolve());
      sent.end('["a771f854-c2cb-408a-8c36-71af77811f3b"]');
    });
    await eventually(() => emulator.requests.inFlight(), (count) => count === 0, 'the request to end in the log');
    const [entry] = emulator.requests.list().slice(before);
    expect(entry?.endedAt).not.toBeNull();
    expect(entry?.path).toBe('/files/storage/');
  }, SLOW_SPEC_MS);
});
