import { createHash, createHmac } from 'node:crypto';

/** The demo project every emulator serves. */
export const DEMO_KEYS = { publicKey: 'demopublickey', secretKey: 'demosecretkey' } as const;
export const ACCEPT_V07 = 'application/vnd.uploadcare-v0.7+json';

/** A REST request as the specs send it; `auth` chooses the scheme or a deliberately broken variant. */
export interface RestRequest {
  readonly method?: string;
  /** Path and query, e.g. `/files/?limit=2`. */
  readonly path: string;
  readonly body?: unknown;
  readonly keys?: { readonly publicKey: string; readonly secretKey: string };
  readonly auth?: 'signed' | 'simple' | 'none';
  /** Date to sign with; default now. */
  readonly date?: Date;
  /** Send the date as `Date` instead of `X-Uploadcare-Date`. */
  readonly dateHeader?: 'Date' | 'X-Uploadcare-Date';
  readonly accept?: string | null;
  readonly contentType?: string;
  /** Raw body text; overrides `body`. */
  readonly rawBody?: string;
  /** Sign these instead of what is sent, to prove the signature covers them. */
  readonly signedInstead?: { readonly path?: string; readonly body?: string; readonly method?: string };
}

export interface RestResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  readonly body: unknown;
}

/**
 * Sends a REST request signed the way Uploadcare documents it (written here independently of the emulator's own
 * code, so the specs check the emulator against the documented algorithm, not against itself).
 */
export async function rest(origin: string, request: RestRequest): Promise<RestResponse> {
  const method = request.method ?? 'GET';
  const keys = request.keys ?? DEMO_KEYS;
  const text = request.rawBody ?? (request.body === undefined ? '' : JSON.stringify(request.body));
  const contentType = request.contentType ?? 'application/json';
  const date = (request.date ?? new Date()).toUTCString();
  const headers: Record<string, string> = { 'Content-Type': contentType };
  if (request.accept !== null) headers['Accept'] = request.accept ?? ACCEPT_V07;
  const auth = request.auth ?? 'signed';
  if (auth === 'simple') headers['Authorization'] = `Uploadcare.Simple ${keys.publicKey}:${keys.secretKey}`;
  if (auth === 'signed') {
    const signed = request.signedInstead ?? {};
    const md5 = createHash('md5').update(signed.body ?? text).digest('hex');
    const signature = createHmac('sha1', keys.secretKey)
      .update([signed.method ?? method, md5, contentType, date, signed.path ?? request.path].join('\n'))
      .digest('hex');
    headers[request.dateHeader ?? 'X-Uploadcare-Date'] = date;
    headers['Authorization'] = `Uploadcare ${keys.publicKey}:${signature}`;
  }
  const response = await fetch(`${origin}${request.path}`, { method, headers, body: text === '' ? undefined : text });
  const raw = await response.text();
  return { status: response.status, headers: response.headers, body: raw === '' ? undefined : (JSON.parse(raw) as unknown) };
}
