import type { IncomingMessage, ServerResponse } from 'node:http';

/** Thrown by handlers to answer with a given status and body; the server turns it into a response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(typeof body === 'string' ? body : JSON.stringify(body));
  }
}

/** `text` percent-decoded as UTF-8, or null when it is not valid percent-encoding (`%zz`, a cut sequence). */
export function percentDecoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Answers `body` as JSON with its Content-Length. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Answers a text body with its Content-Length. */
export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Reads a whole (small) request body; bodies above `limit` bytes are a 413. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, { detail: `Request body is larger than ${limit} bytes.` });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Deepest nesting of arrays and objects accepted in a request body. No body the emulator's APIs define nests deeper
 * than 4; a limit keeps handlers that walk a body (JSON.stringify included) from overflowing the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** A request body that is not JSON, or nests deeper than {@link MAX_JSON_DEPTH}. */
export class RequestJsonError extends Error {
  override readonly name = 'RequestJsonError';
  constructor(readonly reason: 'malformed' | 'too-deep') {
    super(reason === 'malformed' ? 'Malformed JSON in request body.' : `JSON in request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
}

/** Parses a request body's JSON text; throws {@link RequestJsonError} when it is malformed or nested too deep. */
export function parseRequestJson(text: string): unknown {
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new RequestJsonError('too-deep');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestJsonError('malformed');
  }
}

/** The deepest bracket nesting of JSON text, strings skipped; one pass, no recursion. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') deepest = Math.max(deepest, ++depth);
    else if (char === ']' || char === '}') depth--;
  }
  return deepest;
}

/** Reads a JSON body; an empty body is `undefined`, malformed or too deep JSON is a 400 with the REST API's `detail` shape. */
export async function readJson(req: IncomingMessage, limit?: number): Promise<unknown> {
  const body = await readBody(req, limit);
  if (body.length === 0) return undefined;
  try {
    return parseRequestJson(body.toString('utf8'));
  } catch (error) {
    if (error instanceof RequestJsonError) throw new HttpError(400, { detail: error.message });
    throw error;
  }
}
