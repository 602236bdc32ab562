import type { ServerResponse } from 'node:http';
import { newOwner, runAsOwner } from './change-owner.js';
import type { StatePersistence } from './persistence.js';

/** What a request whose state change could not be written is answered (its change was undone). */
export const UNWRITTEN_STATE_ANSWER = { detail: 'The emulator could not write the change to its data directory; nothing was changed.' };

type Call = readonly ['writeHead' | 'write' | 'end', unknown[]];

/**
 * Runs `serve` (one request) and holds its answer, from its first byte, until the state changes it made are on disk,
 * so that a client never sees an answer whose effect a crash could still undo. When they could not be written (and
 * were undone), the request is answered 500 instead. Answers of requests that changed nothing are not held, whatever
 * other requests change meanwhile.
 */
export function serveDurably(res: ServerResponse, persistence: StatePersistence, serve: () => Promise<void>): Promise<void> {
  const owner = newOwner();
  const original = { writeHead: res.writeHead, write: res.write, end: res.end };
  const call = (method: Call[0], args: unknown[]): unknown => (original[method] as (...args: unknown[]) => unknown).apply(res, args);
  const held: Call[] = [];
  // Wrappers installed later (a slow-body fault) call these, so they stay in place and pass calls through once released.
  let passing = false;
  const release = (): void => {
    passing = true;
    for (const [method, args] of held) call(method, args);
  };
  const refuse = (): void => {
    passing = true;
    if (res.headersSent || res.destroyed) return void res.destroy();
    const body = JSON.stringify(UNWRITTEN_STATE_ANSWER);
    res.writeHead(500, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }).end(body);
  };
  const hold =
    (method: Call[0]) =>
    (...args: unknown[]): unknown => {
      if (passing || owner.lastSeq === 0) {
        passing = true;
        return call(method, args);
      }
      if (held.push([method, args]) === 1) persistence.whenDurable(owner).then(release, refuse);
      return method === 'write' ? true : res;
    };
  res.writeHead = hold('writeHead') as typeof res.writeHead;
  res.write = hold('write') as typeof res.write;
  res.end = hold('end') as typeof res.end;
  return runAsOwner(owner, serve);
}
