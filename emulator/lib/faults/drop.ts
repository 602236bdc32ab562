import type { IncomingMessage } from 'node:http';

/**
 * Destroys the request's connection without an answer once `afterBytes` bytes of its body have arrived (at once for
 * 0; at the end of the body when it is shorter). The body is counted and discarded, never kept.
 */
export function dropConnection(req: IncomingMessage, afterBytes: number): void {
  if (afterBytes <= 0) {
    req.socket.destroy();
    return;
  }
  let received = 0;
  const drop = (): void => {
    req.socket.destroy();
  };
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received >= afterBytes) drop();
  });
  req.once('end', drop);
}
