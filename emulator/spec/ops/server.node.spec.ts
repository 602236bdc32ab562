import { EmulatorOptionError, PortUnavailableError, startEmulator } from '../../lib/index.js';
import { eventually, occupyPort } from './support.js';

describe('startEmulator', () => {
  describe('with a taken port', () => {
    let taken: number;
    let release: () => Promise<void>;

    beforeEach(async () => {
      ({ port: taken, release } = await occupyPort());
    });

    afterEach(() => release());

    it('listens on the next free port', async () => {
      const emulator = await startEmulator({ port: taken });
      try {
        expect(emulator.port).toBeGreaterThan(taken);
        expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
        expect((await fetch(`${emulator.url}/__emulator/`)).status).toBe(200);
      } finally {
        await emulator.close();
      }
    });

    it('fails with PortUnavailableError when the port is strict', async () => {
      await expectAsync(startEmulator({ port: taken, strictPort: true })).toBeRejectedWith(
        jasmine.objectContaining({ name: 'PortUnavailableError', ports: [taken] }),
      );
      await expectAsync(startEmulator({ port: taken, strictPort: true })).toBeRejectedWithError(PortUnavailableError);
    });
  });

  it('binds loopback addresses only', async () => {
    await expectAsync(startEmulator({ host: '0.0.0.0' })).toBeRejectedWithError(EmulatorOptionError, /not a loopback address/);
    await expectAsync(startEmulator({ host: '192.168.1.10' })).toBeRejectedWithError(EmulatorOptionError);
    const emulator = await startEmulator({ host: 'localhost' });
    try {
      expect(emulator.url).toBe(`http://localhost:${emulator.port}`);
    } finally {
      await emulator.close();
    }
  });

  it('closes while requests are in flight, logging them as cut by the emulator', async () => {
    const emulator = await startEmulator({ faults: { rules: [{ kind: 'latency', latencyMs: 60_000 }] } });
    const pending = fetch(`${emulator.url}/files/`).catch((error: unknown) => error);
    await eventually(() => emulator.requests.inFlight(), (count) => count === 1, 'the request to arrive');
    await emulator.close();
    await emulator.close();
    expect(await pending).toEqual(jasmine.any(Error));
    expect(emulator.requests.list()[0]).toEqual(jasmine.objectContaining({ droppedByServer: true, abortedByClient: false }));
    expect(emulator.openConnections()).toBe(0);
  });
});
