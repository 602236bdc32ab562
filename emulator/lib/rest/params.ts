import { HttpError } from '../http-util.js';
import { parseDatetime } from './datetime.js';

/** A 400 with the REST API's `{"detail": ...}` body. */
export function badRequest(detail: string): HttpError {
  return new HttpError(400, { detail });
}

/** A 404 with the REST API's body. */
export function notFound(detail = 'Not found.'): HttpError {
  return new HttpError(404, { detail });
}

/** `true`/`false` (and `1`/`0`) query flags; absent is undefined. */
export function booleanParam(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const parsed = parseBoolean(value);
  if (parsed === undefined) throw badRequest(`\`${name}\` parameter should be \`true\` or \`false\`.`);
  return parsed;
}

/** Accepts JSON booleans and their usual text forms, as form and JSON bodies carry them. */
export function parseBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return undefined;
}

/** Page sizes of list endpoints. */
export const PAGE_LIMITS = { default: 100, max: 1000 } as const;

/** `limit`: 1 to 1000, 100 when absent; a 400 otherwise. */
export function limitParam(query: URLSearchParams): number {
  const text = query.get('limit');
  if (text === null || text === '') return PAGE_LIMITS.default;
  const limit = Number(text);
  if (!/^\d+$/.test(text.trim()) || limit < 1 || limit > PAGE_LIMITS.max) {
    throw badRequest(`\`limit\` parameter must be an integer from 1 to ${PAGE_LIMITS.max}.`);
  }
  return limit;
}

/** A datetime query parameter (`from`, `to`) as epoch milliseconds. */
export function datetimeParam(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  const time = parseDatetime(text);
  if (time === undefined) {
    throw badRequest(`\`${name}\` parameter must be a datetime in ISO 8601 format (YYYY-MM-DDTHH:MM:SSZ).`);
  }
  return time;
}

/** `offset` of page links: a non-negative integer, 0 when absent. */
export function offsetParam(query: URLSearchParams): number {
  const text = query.get('offset');
  if (text === null || text === '') return 0;
  if (!/^\d+$/.test(text.trim())) throw badRequest('`offset` parameter must be a non-negative integer.');
  return Number(text);
}

/** `ordering=field` (ascending, the default) or `-field`. */
export function orderingParam(query: URLSearchParams, field: string): 'asc' | 'desc' {
  const text = query.get('ordering');
  if (text === null || text === '' || text === field) return 'asc';
  if (text === `-${field}`) return 'desc';
  throw badRequest(`\`ordering\` parameter must be \`${field}\` or \`-${field}\`.`);
}

/** True when the comma-separated `include` parameter names `field`. */
export function includes(query: URLSearchParams, field: string): boolean {
  return (query.get('include') ?? '').split(',').some((item) => item.trim() === field);
}
