import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackAddress } from '../control/routes.js';
import { HttpError, readJson } from '../http-util.js';
import type { ProjectConfig } from '../state/records.js';

/** Where the demo page asks for REST signatures. */
export const SIGNER_PATH = '/demo/sign';

/** The largest sign string signed: a REST sign string is a few hundred bytes. */
const MAX_SIGN_STRING_LENGTH = 4096;
const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * A development aid: signs REST sign strings with the demo project's secret, so that the demo page (and specs) can use a
 * `signatureResolver` and never hold the secret, as a browser app asks its own backend. It answers loopback clients
 * only; of browsers, the demo page alone (the emulator's own origin) and the `trustedOrigins` of a test runner, as
 * request-handler.ts decides for every path acting with the emulator's authority. A real backend would also decide
 * which requests its user may make; this one signs any well-formed REST sign string.
 *
 * Request: `POST /demo/sign` with `{ "signString": "GET\n<md5>\n\n<date>\n/files/?limit=10" }`.
 * Answer: `{ "signature": "<hex HMAC-SHA1>" }`.
 */
export async function signForDemo(req: IncomingMessage, project: ProjectConfig): Promise<{ signature: string }> {
  if (!isLoopbackAddress(req.socket.remoteAddress)) throw new HttpError(403, { detail: 'The demo signer answers loopback clients only.' });
  const body = await readJson(req, 16 * 1024);
  const signString = (body as { signString?: unknown } | undefined)?.signString;
  checkSignString(signString);
  return { signature: createHmac('sha1', project.secretKey).update(signString).digest('hex') };
}

/** A REST sign string: `METHOD\nmd5hex(body)\ncontent-type\ndate\npath?query`, else a 400. */
function checkSignString(value: unknown): asserts value is string {
  const bad = (reason: string): HttpError => new HttpError(400, { detail: `signString ${reason}.` });
  if (typeof value !== 'string') throw bad('must be a string');
  if (value.length > MAX_SIGN_STRING_LENGTH) throw bad(`must be at most ${MAX_SIGN_STRING_LENGTH} characters`);
  const lines = value.split('\n');
  if (lines.length !== 5) throw bad('must have five lines: method, body MD5, content type, date, path');
  const [method = '', md5 = '', , date = '', path = ''] = lines;
  if (!METHODS.has(method)) throw bad(`has an unknown method ${JSON.stringify(method)}`);
  if (!/^[0-9a-f]{32}$/.test(md5)) throw bad('must carry the hex MD5 of the body on its second line');
  if (Number.isNaN(Date.parse(date))) throw bad('must carry the request date on its fourth line');
  if (!path.startsWith('/')) throw bad('must end with the request path');
}
