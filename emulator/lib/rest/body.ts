import { parseRequestJson } from '../http-util.js';
import { badRequest } from './params.js';
import type { RestCall } from './rest-route.js';

/** The request body as JSON; undefined when empty, a 400 when malformed or nested too deep. */
export function jsonBody(call: RestCall): unknown {
  if (call.body.length === 0) return undefined;
  try {
    return parseRequestJson(call.body.toString('utf8'));
  } catch {
    throw badRequest('Expected JSON object.');
  }
}

/** A JSON object body, a 400 `Expected JSON object.` otherwise. */
export function jsonObjectBody(call: RestCall): Record<string, unknown> {
  const body = jsonBody(call);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Expected JSON object.');
  return body as Record<string, unknown>;
}

/**
 * A body of named fields, from a form (`application/x-www-form-urlencoded`, as the API documents webhook calls)
 * or a JSON object (as the official clients send them).
 */
export function fieldsBody(call: RestCall): Record<string, unknown> {
  const type = call.req.headers['content-type'] ?? '';
  if (type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(call.body.toString('utf8')));
  }
  return call.body.length === 0 ? {} : jsonObjectBody(call);
}
