import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One POST a receiver got: headers and the exact body bytes. */
export interface ReceivedHook {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** A loopback HTTP server that collects webhook deliveries; `next()` resolves with the next one to arrive. */
export interface HookReceiver {
  readonly url: string;
  next(): Promise<ReceivedHook>;
  /** Deliveries received and not yet taken by `next()`. */
  pending(): readonly ReceivedHook[];
  close(): Promise<void>;
}

export async function startHookReceiver(status = 200): Promise<HookReceiver> {
  const queue: ReceivedHook[] = [];
  const waiting: ((hook: ReceivedHook) => void)[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(status).end();
      const hook = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks) };
      const waiter = waiting.shift();
      if (waiter) waiter(hook);
      else queue.push(hook);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    next: () => {
      const hook = queue.shift();
      return hook ? Promise.resolve(hook) : new Promise((resolve) => waiting.push(resolve));
    },
    pending: () => [...queue],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
