import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A point a request reached and waits at, until released. */
export interface Gate {
  /** Resolves when a matching request reaches the gate. */
  readonly reached: Promise<void>;
  /** Lets the request go on. */
  release(): void;
}

type Match = (method: string, path: string) => boolean;

interface GateRule {
  readonly match: Match;
  /** Which matching request is held (1 = the first). */
  readonly nth: number;
  /** Hold the request once this many body bytes went through; undefined: before sending anything. */
  readonly afterBytes: number | undefined;
  seen: number;
  readonly gate: Gate;
  readonly open: Promise<void>;
}

/**
 * A loopback HTTP proxy in front of the emulator that can hold chosen requests: before they are forwarded, or after
 * part of their body went through. Specs use it to observe what the CLI does while a request is pending (a list
 * printing its first page before the last one is fetched, an upload bar part way), without any timing.
 */
export class GateProxy {
  private readonly rules: GateRule[] = [];
  private readonly sockets = new Set<Socket>();
  private readonly server = createServer((req, res) => void this.forward(req, res));
  url = '';

  constructor(private readonly target: string) {
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** Holds the `nth` request matching `match` (before forwarding it, or after `afterBytes` of its body). */
  hold(match: Match, options: { nth?: number; afterBytes?: number } = {}): Gate {
    let release!: () => void;
    let reach!: () => void;
    const open = new Promise<void>((done) => (release = done));
    const reached = new Promise<void>((done) => (reach = done));
    const rule: GateRule = { match, nth: options.nth ?? 1, afterBytes: options.afterBytes, seen: 0, open, gate: { reached, release } };
    (rule.gate as { reach?: () => void }).reach = reach;
    this.rules.push(rule);
    return rule.gate;
  }

  close(): Promise<void> {
    for (const rule of this.rules) rule.gate.release();
    for (const socket of this.sockets) socket.destroy();
    return new Promise((done) => this.server.close(() => done()));
  }

  private async forward(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const rule = this.rules.find((r) => r.match(method, path) && ++r.seen === r.nth);
    const reach = (rule?.gate as { reach?: () => void } | undefined)?.reach;
    if (rule && rule.afterBytes === undefined) {
      reach?.();
      await rule.open;
    }
    const target = new URL(path, this.target);
    const upstream = request(target, { method, headers: { ...req.headers, host: target.host } }, (answer) => {
      if (!String(answer.headers['content-type']).includes('json')) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      // JSON answers name the emulator's origin (`next` links, URLs): point them at the proxy instead.
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const body = Buffer.from(Buffer.concat(chunks).toString('utf8').split(new URL(this.target).origin).join(new URL(this.url).origin));
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': String(body.length) });
        res.end(body);
      });
    });
    upstream.on('error', () => res.destroy());
    if (!rule || rule.afterBytes === undefined) {
      req.pipe(upstream);
      return;
    }
    let sent = 0;
    let paused = false;
    req.on('data', (chunk: Buffer) => {
      if (paused || sent + chunk.length < (rule.afterBytes as number)) {
        sent += chunk.length;
        upstream.write(chunk);
        return;
      }
      paused = true;
      req.pause();
      upstream.write(chunk);
      sent += chunk.length;
      reach?.();
      void rule.open.then(() => req.resume());
    });
    req.on('end', () => upstream.end());
  }
}
