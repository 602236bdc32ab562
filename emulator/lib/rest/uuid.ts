const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a canonical 8-4-4-4-12 hex UUID (any case). */
export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** A file reference as copy endpoints take it: the UUID and the CDN effects, without slashes around them. */
export interface FileSource {
  readonly uuid: string;
  /** e.g. `resize/200x/-/flip`, or '' for the original. */
  readonly effects: string;
}

/**
 * Parses a copy `source`: a bare UUID, `uuid/-/effects/...`, or a CDN URL of either form (any host, with an
 * optional trailing filename). Undefined when it is none of these.
 */
export function parseFileSource(source: string): FileSource | undefined {
  let path = source.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return undefined;
    }
  }
  const segments = path.split('/').filter((segment) => segment !== '');
  const [uuid, ...rest] = segments;
  if (!uuid || !isUuid(uuid)) return undefined;
  const effects: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] !== '-') {
      if (i === rest.length - 1) break; // a trailing filename
      return undefined;
    }
    const operation: string[] = [];
    while (i + 1 < rest.length && rest[i + 1] !== '-') operation.push(rest[++i] ?? '');
    if (operation.length === 0) return undefined;
    effects.push(operation.join('/'));
  }
  // The loop above cannot tell a trailing filename from an operation's last argument; a source like
  // `uuid/-/resize/200x/name.jpg` keeps `name.jpg` as an argument, which is harmless for the emulator.
  return { uuid: uuid.toLowerCase(), effects: effects.join('/-/') };
}
