import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { resolveOnOrigin } from '../transport/same-origin.js';
import type { HttpMethod } from '../transport/types.js';

// The checks and pieces shared by the client's calls (rest, upload, request).

const METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export function checkPath(path: string): string {
  if (typeof path !== 'string') throw new InvalidParamError(`A path must be a string, not ${describeValue(path)}`);
  return path;
}

/** The JSON text of a REST body; what JSON cannot hold (a bigint, a cycle, a throwing toJSON) is an InvalidParamError. */
export function jsonText(data: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(data) as string | undefined;
  } catch (error) {
    throw new InvalidParamError(`The body cannot be sent as JSON: ${error instanceof Error ? error.message : describeValue(error)}`);
  }
  if (text === undefined) throw new InvalidParamError(`The body cannot be sent as JSON: ${describeValue(data)}`);
  return text;
}

export function checkMethod(method: string): void {
  if (!METHODS.has(method)) throw new InvalidParamError(`Unknown HTTP method ${describeValue(method)}`);
}

/** GET and HEAD carry their data in the query. */
export function isBodyless(method: HttpMethod): boolean {
  return method === 'GET' || method === 'HEAD';
}

function stripLeadingSlashes(path: string): string {
  return path.replace(/^\/+/, '');
}

/** `path` (relative to `base`, or absolute) resolved, when it stays on `base`'s origin; else InvalidParamError. */
export function onOrigin(path: string, base: string, api: string): URL {
  const url = resolveOnOrigin(stripLeadingSlashes(path), base);
  if (!url) throw new InvalidParamError(`${describeValue(path)} is not on the ${api} origin (${new URL(base).origin})`);
  return url;
}
