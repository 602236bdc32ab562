import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A tiny HTTP server whose answers the specs script over HTTP (so browser specs can script it too).
 *
 * - `POST /__script/enqueue` with a JSON array of {@link ScriptedResponse}: answers for the next requests, in order.
 * - `GET /__script/log`: every non-control request received, as {@link LoggedRequest}s.
 * - `POST /__script/reset`: forgets the queue and the log.
 * Any other request takes the next scripted answer, or, when none is queued, a 200 echo of itself (a scripted answer
 * with `echo: true` echoes the request with its own status).
 */
export interface ScriptedResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string is sent as is; anything else as JSON. */
  readonly body?: unknown;
  /** Wait this long before answering. */
  readonly delayMs?: number;
  /** `drop`: destroy the socket without answering; `hang`: never answer; `truncate`: promise more bytes than sent. */
  readonly action?: 'respond' | 'drop' | 'hang' | 'truncate';
  /** Answer with the echo of the request (method, url, headers, body) as the body, with this `status`. */
  readonly echo?: boolean;
}

export interface LoggedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  /** True when the client closed the connection before the answer was complete. */
  abortedByClient: boolean;
}

export async function startScriptServer(): Promise<{ url: string; close: () => Promise<void> }> {
  let queue: ScriptedResponse[] = [];
  let log: LoggedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void (async () => {
      setCors(req, res);
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      const body = await readAll(req);
      const path = req.url ?? '/';
      if (path.startsWith('/__script/')) {
        if (path === '/__script/enqueue') queue.push(...(JSON.parse(body) as ScriptedResponse[]));
        if (path === '/__script/reset') {
          queue = [];
          log = [];
        }
        const answer = path === '/__script/log' ? JSON.stringify(log) : '{}';
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(answer);
        return;
      }
      const entry: LoggedRequest = { method: req.method ?? '', url: path, headers: req.headers, body, abortedByClient: false };
      log.push(entry);
      res.on('close', () => {
        if (!res.writableFinished) entry.abortedByClient = true;
      });
      await answer(res, queue.shift(), entry);
    })().catch(() => res.destroy()); // a client gone mid-body ends that exchange only
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function answer(res: ServerResponse, scripted: ScriptedResponse | undefined, request: LoggedRequest): Promise<void> {
  const echo = { method: request.method, url: request.url, headers: request.headers, body: request.body };
  const script = !scripted ? { body: echo } : scripted.echo ? { ...scripted, body: echo } : scripted;
  if (script.delayMs) await new Promise((resolve) => setTimeout(resolve, script.delayMs));
  if (res.destroyed) return;
  switch (script.action) {
    case 'drop':
      res.socket?.destroy();
      return;
    case 'hang':
      return;
    default: {
      const isText = typeof script.body === 'string';
      const text = script.body === undefined ? '' : isText ? (script.body as string) : JSON.stringify(script.body);
      const headers: Record<string, string> = {
        'Content-Type': isText ? 'text/plain' : 'application/json',
        ...script.headers,
      };
      if (script.action === 'truncate') {
        res.writeHead(script.status ?? 200, { ...headers, 'Content-Length': String(Buffer.byteLength(text) + 100) });
        res.write(text);
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      res.writeHead(script.status ?? 200, headers).end(text);
    }
  }
}

function setCors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-Throttle-Wait-Seconds, Date, Content-Length');
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
