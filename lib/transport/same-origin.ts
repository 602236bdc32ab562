/**
 * `url` resolved against `base` as the request will be sent (by the WHATWG URL parser), when it lands on `base`'s
 * origin; null when it lands anywhere else or is no URL at all. String prefixes cannot decide this: the parser drops
 * leading whitespace and control characters and tabs or newlines anywhere, and reads `\` as `/`, so
 * `" http://other/"`, `"ht\ttp://other/"` or `"http:\\other"` all name another host. Credentials (the secret, a
 * signature) go only where this says yes.
 */
export function resolveOnOrigin(url: string, base: string): URL | null {
  let resolved: URL;
  try {
    resolved = new URL(url, base);
  } catch {
    return null;
  }
  return resolved.origin === new URL(base).origin ? resolved : null;
}

/** `url` parsed as an absolute http(s) URL (as it will be sent), or null: a URL a server names for the client to follow. */
export function parseHttpUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}
