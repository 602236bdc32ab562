import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A loopback server the emulator fetches uploads from URL from: any path answers `body`, `/never` never answers. */
export interface SourceServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startSourceServer(body: string | Buffer = 'fetched from a URL\n'): Promise<SourceServer> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/never')) return; // hangs until closed
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': bytes.length });
    res.end(bytes);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
