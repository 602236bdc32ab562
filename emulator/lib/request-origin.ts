import type { IncomingMessage } from 'node:http';

// A host name or IPv4 address, or a bracketed IPv6 address, each with an optional port: nothing else is echoed back.
const HOST_HEADER = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The origin a client used to reach the emulator, from its `Host` header: absolute URLs in answers (`next` links,
 * multipart part URLs, CDN URLs) then stay on the client's origin, as the real service's do. A client configured with
 * `http://localhost:8000/` would otherwise get links on `http://127.0.0.1:8000`, another origin, which clients
 * rightly refuse to send credentials to. Without a usable `Host`, the emulator's listening origin.
 */
export function requestOrigin(req: IncomingMessage | undefined, listening: string): string {
  const host = req?.headers.host;
  return host && HOST_HEADER.test(host) ? `http://${host}` : listening;
}
