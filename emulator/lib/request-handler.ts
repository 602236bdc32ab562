import type { IncomingMessage, ServerResponse } from 'node:http';
import { browserAccess, type BrowserAccessPolicy } from './browser-access.js';
import { CONTROL_PREFIX, isLoopbackAddress } from './control/routes.js';
import type { LoggedRequest, RequestLog } from './control/request-log.js';
import { answerFault } from './faults/answers.js';
import type { FaultController } from './faults/controller.js';
import { dropConnection } from './faults/drop.js';
import { paceResponse } from './faults/slow-response.js';
import { SIGNER_PATH } from './demo/signer.js';
import { HttpError, sendJson } from './http-util.js';
import { setLongTimeout } from './long-timeout.js';
import type { Router } from './router.js';
import { serveDurably } from './state/durable-response.js';
import type { StatePersistence } from './state/persistence.js';
import { printable } from './printable.js';

/** What the request pipeline works with. */
export interface RequestPipeline {
  readonly router: Router;
  readonly control: Router;
  readonly faults: FaultController;
  readonly requests: RequestLog;
  readonly persistence: StatePersistence | null;
  readonly browsers: BrowserAccessPolicy;
  /** True once close() began: connections it cuts are the emulator's doing, not the client's. */
  readonly closing: () => boolean;
}

/**
 * One request: first the browser access policy (its `Host`, the page asking: see browser-access.ts); then control API
 * requests go straight to their routes; every other one is logged, meets the fault rules, and is routed, with its
 * answer held until its state changes are durable.
 */
export async function handleRequest(pipeline: RequestPipeline, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Answers differ by the page asking; no answer may be sniffed into another type than it says.
  res.setHeader('Vary', 'Origin');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  const url = requestUrl(req.url);
  if (!url) {
    answerError(res, new HttpError(400, { detail: 'Malformed request target.' }));
    return;
  }
  const control = url.pathname.startsWith(CONTROL_PREFIX) || url.pathname === CONTROL_PREFIX.slice(0, -1);
  const access = browserAccess(req, control || url.pathname === SIGNER_PATH, pipeline.browsers);
  if (access.kind === 'refused') {
    answerError(res, new HttpError(access.status, { detail: access.detail }));
    return;
  }
  for (const [name, value] of Object.entries(access.corsHeaders)) res.setHeader(name, value);
  if (control) {
    await handleControl(pipeline.control, req, res, url);
    return;
  }
  const entry = pipeline.requests.start(req.method ?? 'GET', req.url ?? '/', url.pathname);
  followOutcome(pipeline.requests, entry, res, pipeline.closing);
  const serve = (): Promise<void> => serveLogged(pipeline, req, res, url, entry);
  await (pipeline.persistence ? serveDurably(res, pipeline.persistence, serve) : serve());
}

async function serveLogged(pipeline: RequestPipeline, req: IncomingMessage, res: ServerResponse, url: URL, entry: LoggedRequest): Promise<void> {
  try {
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const plan = pipeline.faults.decide(req.method ?? 'GET', url.pathname);
    entry.faults = plan.applied;
    if (plan.outcome?.kind === 'throttle') entry.retryAfterSeconds = plan.outcome.retryAfterSeconds;
    if (plan.delayMs > 0) {
      await pause(plan.delayMs, res);
      if (res.destroyed) return;
    }
    if (plan.outcome?.kind === 'drop') {
      entry.droppedByServer = true;
      dropConnection(req, plan.outcome.afterBytes);
      return;
    }
    if (plan.bytesPerSecond !== null) paceResponse(res, plan.bytesPerSecond);
    if (plan.outcome) {
      answerFault(res, url, plan.outcome);
      return;
    }
    await route(pipeline.router, req, res, url);
  } catch (error) {
    if (res.headersSent) entry.droppedByServer = true;
    answerError(res, error);
  }
}

async function handleControl(control: Router, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    if (!isLoopbackAddress(req.socket.remoteAddress)) throw new HttpError(403, { detail: 'The control API answers loopback clients only.' });
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    await route(control, req, res, url);
  } catch (error) {
    answerError(res, error);
  }
}

async function route(router: Router, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const found = router.match(req.method ?? 'GET', url.pathname);
  if (found.kind === 'malformed-segment') throw new HttpError(400, { detail: 'Malformed percent-encoding in the URL path.' });
  if (found.kind === 'not-found') throw new HttpError(404, { detail: 'Not found.' });
  if (found.kind === 'method-not-allowed') {
    throw new HttpError(405, { detail: `Method "${req.method ?? ''}" not allowed.` }, { Allow: found.allowed.join(', ') });
  }
  await found.handler({ req, res, url, params: found.params });
}

/**
 * The request target as a URL. An origin-form target (`/path?query`) is taken as a path even when it starts with `//`
 * (resolving it as a URL would read `//host/...` as an authority); an absolute-form one is parsed as it is. Null for a
 * target that is neither.
 */
function requestUrl(target = '/'): URL | null {
  try {
    return new URL(target.startsWith('/') ? `http://emulator.invalid${target}` : target);
  } catch {
    return null;
  }
}

/** Waits `ms` (however long), or less when the connection closes meanwhile (so no timer outlives a closed emulator). */
function pause(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      cancelTimer();
      res.off('close', done);
      resolve();
    };
    const cancelTimer = setLongTimeout(done, ms);
    res.once('close', done);
  });
}

/** Records the request's end in the log: its status, and who cut the connection if it ended early. */
function followOutcome(requests: RequestLog, entry: LoggedRequest, res: ServerResponse, closing: () => boolean): void {
  res.once('finish', () => requests.end(entry, { status: res.statusCode }));
  res.once('close', () => {
    // Complete on this side, though 'finish' may never come: when Node's parser refuses what follows the request on
    // its connection (a body sent without a length), it destroys the socket under the answer.
    if (res.writableFinished) {
      requests.end(entry, { status: res.statusCode });
      return;
    }
    const cutByServer = closing() || entry.droppedByServer;
    requests.end(entry, {
      status: res.headersSent ? res.statusCode : null,
      droppedByServer: cutByServer,
      abortedByClient: !cutByServer,
    });
  });
}

function answerError(res: ServerResponse, error: unknown): void {
  // The client left mid-request (its reads fail with "aborted"): nobody to answer, and nothing wrong with the emulator.
  if (res.destroyed) return;
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
  process.stderr.write(`Emulator error: ${printable(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  sendJson(res, 500, { detail: 'Internal emulator error.' });
}
