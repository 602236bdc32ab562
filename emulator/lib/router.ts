import type { IncomingMessage, ServerResponse } from 'node:http';
import { percentDecoded } from './http-util.js';

/** What a route handler receives for one request. */
export interface RouteRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The request URL, resolved against the emulator's own origin. */
  readonly url: URL;
  /** Named segments of the matched pattern (`/files/:uuid/` gives `params.uuid`), percent-decoded once. */
  readonly params: Readonly<Record<string, string>>;
}

export type RouteHandler = (request: RouteRequest) => void | Promise<void>;

interface Route {
  readonly method: string;
  readonly regex: RegExp;
  readonly names: readonly string[];
  readonly handler: RouteHandler;
}

/**
 * Outcome of matching a path: a handler, a path known under other methods only, a path whose named segments are not
 * valid percent-encoding (`%zz`, a cut UTF-8 sequence), or nothing.
 */
export type RouteMatch =
  | { readonly kind: 'found'; readonly handler: RouteHandler; readonly params: Record<string, string> }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'malformed-segment' }
  | { readonly kind: 'not-found' };

/**
 * A minimal method + path router. Patterns are literal paths with `:name` segments
 * (matching one path segment) and an optional trailing `*name` (matching the rest).
 * Paths are matched as sent (percent-encoded) and each named segment is decoded once: decoding the whole path first
 * would decode `%25` twice and let an encoded `/` split a segment. Runs of slashes match as one, as at the real service
 * (its nginx merges them): pyuploadcare 4.0–6.2 create groups with `POST /group//`.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler): this {
    const names: string[] = [];
    const source = pattern
      .split('/')
      .map((segment) => {
        if (segment.startsWith(':')) {
          names.push(segment.slice(1));
          return '([^/]+)';
        }
        if (segment.startsWith('*')) {
          names.push(segment.slice(1));
          return '(.*)';
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method: method.toUpperCase(), regex: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  match(method: string, sentPath: string): RouteMatch {
    const path = mergeSlashes(sentPath);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      if (route.method !== method.toUpperCase()) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [i, name] of route.names.entries()) {
        const value = percentDecoded(found[i + 1] ?? '');
        if (value === null) return { kind: 'malformed-segment' };
        params[name] = value;
      }
      return { kind: 'found', handler: route.handler, params };
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

/** `path` with every run of slashes made one (`/group//` is `/group/`). */
export function mergeSlashes(path: string): string {
  return path.replace(/\/{2,}/g, '/');
}
