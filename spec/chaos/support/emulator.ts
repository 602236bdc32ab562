import { Uploadcare } from '../../../lib/client.js';
import type { UploadcareOptions } from '../../../lib/config.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from 'rxuploadcare-emulator';

// Node-only helpers of the chaos specs: an emulator of their own (faults never leak into other specs), clients on it,
// and the client side's open sockets.

/** Starts an emulator of the scenario's own on a free loopback port. */
export function chaosEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, requestLogLimit: 100_000, ...options });
}

/** A client of the demo project on `emulator`, with `options` over the defaults. */
export function chaosClient(emulator: RunningEmulator, options: UploadcareOptions = {}): Uploadcare {
  const base = `${emulator.url}/`;
  return new Uploadcare({
    publicKey: 'demopublickey',
    secretKey: 'demosecretkey',
    restBase: base,
    uploadBase: base,
    cdnBase: base,
    ...options,
  });
}

interface SocketLike {
  readonly remotePort?: number;
  readonly localPort?: number;
  readonly destroyed?: boolean;
  readonly constructor?: { readonly name?: string };
}

/**
 * This process's sockets connected to `port` (Node's active handles): the client side of the connections to an
 * emulator. `process._getActiveHandles` is undocumented but stable in every Node LTS.
 */
export function clientSocketsTo(port: number): number {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((handle) => {
    const socket = handle as SocketLike;
    return socket?.constructor?.name === 'Socket' && socket.remotePort === port && !socket.destroyed;
  }).length;
}

/** Polls `read` until `accept` holds; the specs wait for states, never assert on time. */
export async function eventually<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string, limitMs = 15_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what} (last value: ${JSON.stringify(value)})`);
    await pause(50);
  }
}

export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `task` over `items` with at most `concurrency` at once; resolves with the results in order. */
export async function runPool<I, R>(items: readonly I[], concurrency: number, task: (item: I, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as I, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}

/** A seeded generator in [0, 1): the emulator's own, so a scenario's random choices repeat with its seed. */
export { seededRandom } from '../../../emulator/lib/faults/random.js';
