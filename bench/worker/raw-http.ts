import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { Readable } from 'node:stream';
import type { Endpoint } from './protocol.js';

/** One keep-alive agent for the whole worker, as any client would have. */
const agent = new Agent({ keepAlive: true });

/** An answer, read whole. */
export interface RawAnswer {
  readonly status: number;
  readonly text: string;
}

/** A request body: bytes, or a stream of a known length. */
export type RawBody = Buffer | { readonly stream: Readable; readonly length: number };

/** One HTTP request with Node's `http` and nothing else; a non-2xx answer rejects. */
export function send(method: string, url: string, headers: Record<string, string> = {}, body?: RawBody): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? 0 : Buffer.isBuffer(body) ? body.length : body.length;
    const req = request(url, { method, agent, headers: { ...headers, 'Content-Length': String(length) } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const text = Buffer.concat(parts).toString('utf8');
        if (status < 200 || status >= 300) reject(new Error(`${method} ${url}: ${status} ${text.slice(0, 200)}`));
        else resolve({ status, text });
      });
    });
    req.on('error', reject);
    if (body === undefined) req.end();
    else if (Buffer.isBuffer(body)) req.end(body);
    else body.stream.pipe(req);
  });
}

/** A REST v0.7 request signed with HMAC-SHA1 as Uploadcare documents it; resolves to the parsed JSON answer. */
export async function signedRest<T>(endpoint: Endpoint, method: string, pathAndQuery: string, json?: unknown): Promise<T> {
  const body = json === undefined ? '' : JSON.stringify(json);
  const contentType = body === '' ? '' : 'application/json';
  const date = new Date().toUTCString();
  const md5 = createHash('md5').update(body).digest('hex');
  const signature = createHmac('sha1', endpoint.secretKey).update([method, md5, contentType, date, pathAndQuery].join('\n')).digest('hex');
  const headers: Record<string, string> = {
    Accept: 'application/vnd.uploadcare-v0.7+json',
    Date: date,
    Authorization: `Uploadcare ${endpoint.publicKey}:${signature}`,
    ...(contentType && { 'Content-Type': contentType }),
  };
  const answer = await send(method, `${endpoint.base}${pathAndQuery}`, headers, body === '' ? undefined : Buffer.from(body));
  return JSON.parse(answer.text) as T;
}

/** An Upload API POST of urlencoded fields; resolves to the parsed JSON answer. */
export async function postForm<T>(endpoint: Endpoint, path: string, fields: Record<string, string>): Promise<T> {
  const body = Buffer.from(new URLSearchParams(fields).toString());
  const answer = await send('POST', `${endpoint.base}${path}?jsonerrors=1`, { 'Content-Type': 'application/x-www-form-urlencoded' }, body);
  return JSON.parse(answer.text) as T;
}

/** An Upload API GET with the fields in the query; resolves to the parsed JSON answer. */
export async function getQuery<T>(endpoint: Endpoint, path: string, fields: Record<string, string>): Promise<T> {
  const answer = await send('GET', `${endpoint.base}${path}?${new URLSearchParams({ ...fields, jsonerrors: '1' }).toString()}`);
  return JSON.parse(answer.text) as T;
}

/** A `multipart/form-data` body of text fields and one file, built by hand. */
export function multipartForm(fields: Record<string, string>, file: { name: string; filename: string; bytes: Buffer }): { body: Buffer; contentType: string } {
  const boundary = `----rxuc${randomBytes(12).toString('hex')}`;
  const head = Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head + fileHead), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
