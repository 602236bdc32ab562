import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A server whose answers stall: headers and 3 bytes of a promised 1000, then nothing; it never reads request bodies. */
export class StallServer {
  readonly sockets = { opened: 0, closed: 0 };
  requests = 0;
  private readonly unread: IncomingMessage[] = [];
  private readonly server: Server;

  constructor() {
    this.server = createServer((request, response) => {
      this.requests++;
      if (request.method === 'GET') {
        response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': '1000' });
        response.write('abc');
      }
      // Anything else: the body is not read (until drainBodies) and no answer comes.
      else this.unread.push(request);
    });
    this.server.on('connection', (socket: Socket) => {
      this.sockets.opened++;
      socket.once('close', () => this.sockets.closed++);
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  /** Reads the bodies left unread: a socket the client closed is seen closed only by a server that reads it. */
  drainBodies(): void {
    for (const request of this.unread.splice(0)) request.resume();
  }

  /** Resolves once every connection the server saw is closed (polled: the server learns it asynchronously). */
  async allClosed(): Promise<void> {
    while (this.sockets.opened === 0 || this.sockets.closed < this.sockets.opened) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
