import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { EmulatorContext } from './context.js';
import { corsHeaders, HttpError, sendJson } from './http-util.js';
import { resolveProjects, type EmulatorOptions } from './options.js';
import { Router } from './router.js';
import { MemoryBlobStore } from './state/blob-store.js';
import { Store } from './state/store.js';
import { registerRoutes } from './routes.js';

/** A running emulator. */
export interface RunningEmulator {
  /** Origin serving REST, Upload API and CDN alike, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  readonly port: number;
  readonly store: Store;
  /** Stops listening and destroys open connections. */
  close(): Promise<void>;
}

/** Starts the Uploadcare-compatible emulator on a loopback port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const store = new Store(resolveProjects(options.projects), new MemoryBlobStore());
  const router = new Router();
  let origin = '';
  const context: EmulatorContext = { router, store, origin: () => origin };
  registerRoutes(context);

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void handle(router, req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;

  return {
    url: origin,
    port,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(router: Router, req: IncomingMessage, res: ServerResponse): Promise<void> {
  for (const [name, value] of Object.entries(corsHeaders(req))) res.setHeader(name, value);
  try {
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    let path: string;
    try {
      path = decodeURI(url.pathname);
    } catch {
      throw new HttpError(400, { detail: 'Malformed URL.' });
    }
    const found = router.match(req.method ?? 'GET', path);
    if (found.kind === 'not-found') throw new HttpError(404, { detail: 'Not found.' });
    if (found.kind === 'method-not-allowed') {
      throw new HttpError(405, { detail: `Method "${req.method ?? ''}" not allowed.` }, { Allow: found.allowed.join(', ') });
    }
    await found.handler({ req, res, url, params: found.params });
  } catch (error) {
    answerError(res, error);
  }
}

function answerError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof HttpError) {
    if (typeof error.body === 'string') {
      res.writeHead(error.status, { 'Content-Type': 'text/plain; charset=utf-8', ...error.headers });
      res.end(error.body);
    } else {
      sendJson(res, error.status, error.body, { ...error.headers });
    }
    return;
  }
  sendJson(res, 500, { detail: 'Internal emulator error.' });
}
