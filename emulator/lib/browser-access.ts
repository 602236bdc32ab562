import type { IncomingMessage } from 'node:http';

/**
 * Who sent a request, as far as browsers tell (their `Origin` header):
 * - `none`: no `Origin`, not a cross-origin browser request (curl, Node, a same-origin GET, an `<img>`);
 * - `same`: a page of the emulator's own origin (the demo page);
 * - `trusted`: a page of an origin listed in `trustedOrigins` (a test runner's, e.g. Karma's);
 * - `loopback`: another page served from this machine (`localhost`, `127.x.y.z`, `[::1]`, any port);
 * - `foreign`: any other page, `null` origins (sandboxed frames, files) included.
 */
export type PageOrigin = 'none' | 'same' | 'trusted' | 'loopback' | 'foreign';

/** What the emulator lets browsers do (see docs/emulator.md, "Browsers"). */
export interface BrowserAccessPolicy {
  /** Host names the emulator answers to besides the loopback ones: the bound host. */
  readonly boundHost: string;
  /** Origins of pages, besides the emulator's own, that may use the control API and the demo signer. */
  readonly trustedOrigins: ReadonlySet<string>;
}

/** How a request stands with the policy: refused (with the status and reason), or served with these CORS headers. */
export type BrowserAccess =
  | { readonly kind: 'refused'; readonly status: 403 | 421; readonly detail: string }
  | { readonly kind: 'allowed'; readonly corsHeaders: Readonly<Record<string, string>> };

/** True for `localhost` (and its subdomains, which browsers resolve to loopback), `127.x.y.z` and `[::1]` / `::1`. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * Decides whether the emulator serves `req`, and the CORS headers of its answer:
 * - a `Host` that is not a loopback name nor the bound host is refused (421): a DNS-rebound page names its own host;
 * - the control API and the demo signer (`privileged`) act with the emulator's authority: same-origin and trusted pages
 *   only, and no CORS for any other page;
 * - REST, Upload API and CDN answer pages of this machine and trusted ones with CORS as the real service answers any
 *   page (no credentials: every API authenticates with headers or fields, never cookies); foreign pages are refused.
 */
export function browserAccess(req: IncomingMessage, privileged: boolean, policy: BrowserAccessPolicy): BrowserAccess {
  const host = req.headers.host;
  if (host !== undefined && !answersTo(host, policy.boundHost)) {
    return { kind: 'refused', status: 421, detail: `The emulator answers loopback host names only, not ${JSON.stringify(host)}.` };
  }
  const page = pageOrigin(req, policy.trustedOrigins);
  const allowed: readonly PageOrigin[] = privileged ? ['none', 'same', 'trusted'] : ['none', 'same', 'trusted', 'loopback'];
  // A browser sends no Origin with a GET of an <img> or <script>; it says where the request comes from all the same.
  const crossSiteWithoutOrigin = page === 'none' && /^(cross-site|same-site)$/.test(String(req.headers['sec-fetch-site']));
  if (!allowed.includes(page) || (privileged && crossSiteWithoutOrigin)) {
    return {
      kind: 'refused',
      status: 403,
      detail: privileged ? 'This path answers pages of the emulator\'s own origin only.' : 'The emulator answers pages served from this machine only.',
    };
  }
  return { kind: 'allowed', corsHeaders: page === 'trusted' || page === 'loopback' ? corsHeaders(req) : {} };
}

/** Classifies the page that sent `req` by its `Origin` header. */
export function pageOrigin(req: IncomingMessage, trustedOrigins: ReadonlySet<string>): PageOrigin {
  const origin = req.headers.origin;
  if (origin === undefined) return 'none';
  if (req.headers.host !== undefined && origin === `http://${req.headers.host}`) return 'same';
  if (trustedOrigins.has(origin)) return 'trusted';
  try {
    const url = new URL(origin);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && isLoopbackHostname(url.hostname)) return 'loopback';
  } catch {
    // `null` and anything unparsable: no page the emulator knows
  }
  return 'foreign';
}

/** The `Host` header names a loopback host or the bound one (with any port). */
function answersTo(host: string, boundHost: string): boolean {
  const hostname = host.replace(/:\d*$/, '');
  return isLoopbackHostname(hostname) || hostname.toLowerCase() === boundHost.toLowerCase() || hostname === `[${boundHost}]`;
}

/** CORS headers for an allowed page: its origin, the headers Uploadcare clients send, and the ones they must read. */
function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers':
      req.headers['access-control-request-headers'] ??
      'Accept, Authorization, Content-Type, X-Uploadcare-Date, X-UC-User-Agent, Range',
    'Access-Control-Expose-Headers':
      'Retry-After, X-Throttle-Wait-Seconds, Content-Length, Content-Range, Content-Type, Content-Disposition, ETag, Date, X-Uploadcare-Request-Id',
    'Access-Control-Max-Age': '600',
  };
}
