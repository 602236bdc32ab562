import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { Gate } from './gate-proxy.js';

/**
 * A loopback server the emulator fetches uploads from URL from: any path answers `body`, `/never` never answers, and
 * `/held/...` sends the first `afterBytes` of the body then waits for the gate of {@link SourceServer.hold}.
 */
export interface SourceServer {
  readonly url: string;
  /** Holds the next `/held/...` answer after `afterBytes` bytes of its body. */
  hold(afterBytes: number): Gate;
  close(): Promise<void>;
}

export async function startSourceServer(body: string | Buffer = 'fetched from a URL\n'): Promise<SourceServer> {
  const sockets = new Set<Socket>();
  let held: { afterBytes: number; reach: () => void; open: Promise<void> } | undefined;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/never')) return; // hangs until closed
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
    const gate = req.url?.startsWith('/held/') ? held : undefined;
    if (!gate) return void res.end(bytes);
    held = undefined;
    res.write(bytes.subarray(0, gate.afterBytes));
    gate.reach();
    void gate.open.then(() => res.end(bytes.subarray(gate.afterBytes)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hold(afterBytes) {
      let release!: () => void;
      let reach!: () => void;
      const open = new Promise<void>((done) => (release = done));
      const reached = new Promise<void>((done) => (reach = done));
      held = { afterBytes, reach, open };
      return { reached, release };
    },
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
