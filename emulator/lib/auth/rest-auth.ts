import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { HttpError } from '../http-util.js';
import type { ProjectConfig } from '../state/records.js';
import { restSignature } from './sign-string.js';

/** How far a signed request's date may be from the emulator's clock, as on the real service. */
export const MAX_DATE_SKEW_MS = 15 * 60 * 1000;

/** The REST API's 401 details (`authorizationProblemsResponse`). */
export const AUTH_ERRORS = {
  incorrect: 'Incorrect authentication credentials.',
  publicKeyNotFound: (publicKey: string) => `Public key ${publicKey} not found.`,
  invalidSignature: 'Invalid signature. Please check your Secret key.',
} as const;

/** What authentication looks at in one request. */
export interface AuthRequest {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  /** Path and query exactly as sent. */
  readonly uri: string;
  readonly body: Uint8Array;
}

function unauthorized(detail: string): HttpError {
  return new HttpError(401, { detail }, { 'WWW-Authenticate': 'Uploadcare realm="api"' });
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Authenticates a REST request like api.uploadcare.com: `Authorization: Uploadcare <pub>:<signature>` with a
 * `Date`/`X-Uploadcare-Date` within 15 minutes, or `Uploadcare.Simple <pub>:<secret>`.
 * @returns the request's project; throws a 401 {@link HttpError} with the API's body otherwise.
 */
export function authenticateRest(
  request: AuthRequest,
  findProject: (publicKey: string) => ProjectConfig | undefined,
  now: number = Date.now(),
): ProjectConfig {
  const match = /^(Uploadcare(?:\.Simple)?)\s+([^:\s]+):(\S+)$/.exec(header(request.headers, 'authorization')?.trim() ?? '');
  if (!match) throw unauthorized(AUTH_ERRORS.incorrect);
  const [, scheme, publicKey = '', credential = ''] = match;
  const project = findProject(publicKey);
  if (!project) throw unauthorized(AUTH_ERRORS.publicKeyNotFound(publicKey));

  if (scheme === 'Uploadcare.Simple') {
    if (!sameText(credential, project.secretKey)) throw unauthorized(AUTH_ERRORS.incorrect);
    return project;
  }

  const date = header(request.headers, 'x-uploadcare-date') ?? header(request.headers, 'date');
  const time = date === undefined ? NaN : Date.parse(date);
  if (Number.isNaN(time) || Math.abs(now - time) > MAX_DATE_SKEW_MS) throw unauthorized(AUTH_ERRORS.incorrect);
  const expected = restSignature(project.secretKey, {
    method: request.method,
    body: request.body,
    contentType: header(request.headers, 'content-type') ?? '',
    date: date ?? '',
    uri: request.uri,
  });
  if (!sameText(credential.toLowerCase(), expected)) throw unauthorized(AUTH_ERRORS.invalidSignature);
  return project;
}
