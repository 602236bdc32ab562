import type { IncomingMessage } from 'node:http';
import { authenticateRest } from '../auth/rest-auth.js';
import type { EmulatorContext } from '../context.js';
import { HttpError, readBody, sendJson } from '../http-util.js';
import { mergeSlashes, type RouteHandler, type RouteRequest } from '../router.js';
import type { ProjectConfig } from '../state/records.js';

/** The media type every REST v0.7 request must accept. */
export const API_V07_MEDIA_TYPE = 'application/vnd.uploadcare-v0.7+json';

/** The 406 body of `invalidAcceptHeader`. */
export const INVALID_ACCEPT_DETAIL =
  'Incorrect Accept header provided. Make sure to specify API version. Refer to REST API docs for details.';

/** REST bodies are small JSON or forms; anything larger is refused before authentication reads it. */
const MAX_REST_BODY = 1024 * 1024;

/** One authenticated REST call, as a handler sees it. */
export interface RestCall {
  readonly req: IncomingMessage;
  readonly project: ProjectConfig;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** The path as routed, e.g. `/files/`. */
  readonly path: string;
  readonly body: Buffer;
  /** The emulator's origin, for absolute URLs in answers. */
  readonly origin: string;
}

/** A handler's answer: a status and a JSON body (none for 204). */
export interface RestAnswer {
  readonly status: number;
  readonly body?: unknown;
  /** Headers besides Content-Type (a created file's `Location`). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A REST route's logic, run after the version and authentication checks. */
export type RestHandler = (call: RestCall) => RestAnswer | Promise<RestAnswer>;

function acceptsV07(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.split(',').some((type) => type.split(';')[0]?.trim().toLowerCase() === API_V07_MEDIA_TYPE);
}

/** The version's media type on answers, as the real service labels them (`Content-Type: application/vnd.uploadcare-v0.7+json`). */
const V07_CONTENT_TYPE = { 'Content-Type': API_V07_MEDIA_TYPE };

/**
 * Wraps a REST handler with what every REST route does first, in the real service's order: the version `Accept`
 * header (406), reading the body, authentication (401); then sends the handler's answer as JSON. Once the version is
 * agreed, every answer, error or not, is of its media type; the 406 is plain `application/json`.
 */
export function restRoute(context: EmulatorContext, handler: RestHandler): RouteHandler {
  return async (request: RouteRequest) => {
    if (!acceptsV07(request.req)) throw new HttpError(406, { detail: INVALID_ACCEPT_DETAIL });
    try {
      await serveRest(context, handler, request);
    } catch (error) {
      if (error instanceof HttpError && typeof error.body !== 'string') throw new HttpError(error.status, error.body, { ...error.headers, ...V07_CONTENT_TYPE });
      throw error;
    }
  };
}

async function serveRest(context: EmulatorContext, handler: RestHandler, { req, res, url, params }: RouteRequest): Promise<void> {
  const body = await readBody(req, MAX_REST_BODY);
  const project = authenticateRest(
    { method: req.method ?? 'GET', headers: req.headers, uri: req.url ?? '/', body },
    (publicKey) => context.store.project(publicKey),
  );
  const answer = await handler({
    req,
    project,
    params,
    query: url.searchParams,
    path: mergeSlashes(url.pathname),
    body,
    origin: context.origin(req),
  });
  if (answer.body === undefined) {
    res.writeHead(answer.status, answer.headers).end();
    return;
  }
  sendJson(res, answer.status, answer.body, { ...answer.headers, ...V07_CONTENT_TYPE });
}
