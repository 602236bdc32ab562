import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How many ports above the asked one are tried when it is taken. */
export const PORT_FALLBACK_ATTEMPTS = 20;

/** The port (and those tried after it) could not be bound. */
export class PortUnavailableError extends Error {
  override readonly name = 'PortUnavailableError';
  constructor(
    readonly host: string,
    readonly ports: readonly number[],
    override readonly cause: unknown,
  ) {
    super(`Cannot listen on ${host} port ${ports.length === 1 ? ports[0] : `${ports[0]}-${ports[ports.length - 1]}`}: ${String(cause)}`);
  }
}

/**
 * Listens on `host:port`; when the port is taken and `fallback` is set, on the next free one above it.
 * Port 0 lets the system pick. Resolves to the bound port.
 */
export async function listenWithFallback(server: Server, host: string, port: number, fallback: boolean): Promise<number> {
  const attempts = port === 0 || !fallback ? 1 : PORT_FALLBACK_ATTEMPTS;
  const tried: number[] = [];
  for (let candidate = port; tried.length < attempts && candidate <= 65535; candidate++) {
    tried.push(candidate);
    try {
      await listenOnce(server, host, candidate);
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' || tried.length === attempts) throw new PortUnavailableError(host, tried, error);
    }
  }
  throw new PortUnavailableError(host, tried, 'no port left');
}

function listenOnce(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
