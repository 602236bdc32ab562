import type { ClientRequest, IncomingHttpHeaders, IncomingMessage, RequestOptions as NodeRequestOptions } from 'node:http';
import type { Readable } from 'node:stream';
import { UploadcareException } from '../errors.js';
import { nodeBuiltin } from './node-builtins.js';

// The hot paths in Node (REST calls, small upload forms, multipart parts) go straight through `node:http`: axios's
// per-request config merging and header normalization cost more CPU than the HTTP exchange itself, and its progress
// transform stream adds a layer per chunk. Anything else (FormData and Blob bodies, stream answers, a proxy from the
// environment) still goes through axios, which handles it. Behaviour is axios's: no redirects followed, the same
// failure codes (`ERR_BAD_RESPONSE` for an answer cut off), the body as text or bytes, a leading BOM stripped.

/** A body the native path sends: text, bytes, or a Node Readable (piped). */
export type NativeBody = string | Uint8Array | Readable;

/** One request for the native path. */
export interface NativeRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: NativeBody | undefined;
  /** 'arraybuffer' answers a Buffer, anything else a string. */
  readonly responseType: 'text' | 'arraybuffer';
  readonly onUploadProgress?: ((loaded: number, total: number | null) => void) | undefined;
}

/** The answer, shaped as the transport reads axios answers. */
export interface NativeResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly data: string | Uint8Array;
}

/** A failure, with the code axios would give it. */
export interface NativeFailure {
  readonly code?: string;
  readonly message: string;
}

/** One request under way: its answer, and how to stop it. */
export interface NativeCall {
  readonly answer: Promise<NativeResponse>;
  /** Destroys the request and its socket; the answer then rejects (nobody is listening any more). */
  abort(): void;
}

/** Sends requests with Node's http/https modules. */
export interface NativeTransport {
  /** True when `body` and `responseType` are ones this transport sends (else use axios). */
  accepts(body: unknown, responseType: string): body is NativeBody | undefined;
  send(request: NativeRequest): NativeCall;
}

interface HttpModule {
  request(url: URL, options: NodeRequestOptions, callback?: (response: IncomingMessage) => void): ClientRequest;
}

interface Zlib {
  gunzipSync(data: Uint8Array): Uint8Array;
  inflateSync(data: Uint8Array): Uint8Array;
  brotliDecompressSync(data: Uint8Array): Uint8Array;
}

/** Above this size a byte body is written in chunks, each reported to `onUploadProgress` once the socket took it. */
const PROGRESS_CHUNK = 64 * 1024;

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy'];

/**
 * The native transport, or undefined where it cannot stand in for axios: outside Node (or Node < 20.16), or when the
 * environment names a proxy (axios honours `HTTP_PROXY` and friends; this path does not).
 */
export function createNativeTransport(userAgent: string): NativeTransport | undefined {
  const http = nodeBuiltin<HttpModule>('node:http');
  const https = nodeBuiltin<HttpModule>('node:https');
  if (!http || !https) return undefined;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  if (PROXY_VARIABLES.some((name) => env[name])) return undefined;
  return {
    accepts: (body, responseType): body is NativeBody | undefined =>
      (responseType === 'text' || responseType === 'arraybuffer') &&
      (body === undefined || typeof body === 'string' || body instanceof Uint8Array || isReadable(body)),
    send: (request) => send(request.url.startsWith('https:') ? https : http, userAgent, request),
  };
}

function send(module: HttpModule, userAgent: string, request: NativeRequest): NativeCall {
  let outgoing: ClientRequest | undefined;
  let aborted = false;
  const answer = new Promise<NativeResponse>((resolve, reject) => {
    let failed = false;
    const fail = (failure: NativeFailure | UploadcareException): void => {
      if (failed) return;
      failed = true;
      reject(failure);
    };
    const { body } = request;
    const bytes = typeof body === 'string' ? Buffer.from(body) : body instanceof Uint8Array ? body : undefined;
    const headers: Record<string, string> = { 'User-Agent': userAgent, ...request.headers };
    if (bytes && !hasHeader(headers, 'content-length')) headers['Content-Length'] = String(bytes.byteLength);
    outgoing = module.request(new URL(request.url), { method: request.method, headers }, (response) =>
      readResponse(response, request.responseType, resolve, fail),
    );
    outgoing.on('error', (error: NodeJS.ErrnoException) => fail({ ...(error.code && { code: error.code }), message: error.message }));
    if (bytes) writeBytes(outgoing, bytes, request.onUploadProgress);
    else if (body !== undefined) pipeReadable(outgoing, body as Readable, contentLength(headers), request.onUploadProgress, fail);
    else outgoing.end();
    if (aborted) outgoing.destroy();
  });
  return {
    answer,
    abort: () => {
      aborted = true;
      outgoing?.destroy();
    },
  };
}

function writeBytes(outgoing: ClientRequest, bytes: Uint8Array, progress: NativeRequest['onUploadProgress']): void {
  const total = bytes.byteLength;
  if (!progress || total <= PROGRESS_CHUNK) {
    outgoing.end(bytes, progress && (() => progress(total, total)));
    return;
  }
  let offset = 0;
  const writeNext = (): void => {
    while (offset < total) {
      const end = Math.min(total, offset + PROGRESS_CHUNK);
      const sent = end;
      const more = outgoing.write(bytes.subarray(offset, end), () => progress(sent, total));
      offset = end;
      if (!more) {
        outgoing.once('drain', writeNext);
        return;
      }
    }
    outgoing.end();
  };
  writeNext();
}

function pipeReadable(
  outgoing: ClientRequest,
  body: Readable,
  total: number | null,
  progress: NativeRequest['onUploadProgress'],
  fail: (failure: NativeFailure | UploadcareException) => void,
): void {
  let loaded = 0;
  if (progress) {
    body.on('data', (chunk: Uint8Array | string) => {
      loaded += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
      progress(loaded, total);
    });
  }
  body.once('error', (error: NodeJS.ErrnoException) => {
    // The source's own typed error (a file cut short) is the failure; a system error gets axios's shape.
    fail(error instanceof UploadcareException ? error : { ...(error.code && { code: error.code }), message: error.message });
    outgoing.destroy();
  });
  outgoing.once('close', () => body.destroy());
  body.pipe(outgoing);
}

function readResponse(
  response: IncomingMessage,
  responseType: NativeRequest['responseType'],
  resolve: (response: NativeResponse) => void,
  fail: (failure: NativeFailure) => void,
): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.once('aborted', () => fail({ code: 'ERR_BAD_RESPONSE', message: 'stream has been aborted' }));
  response.once('error', (error: NodeJS.ErrnoException) => fail({ code: 'ERR_BAD_RESPONSE', message: error.message }));
  response.once('end', () => {
    let data: Uint8Array;
    try {
      data = decoded(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), response.headers['content-encoding']);
    } catch (error) {
      fail({ code: 'ERR_BAD_RESPONSE', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    resolve({ status: response.statusCode ?? 0, headers: response.headers, data: responseType === 'arraybuffer' ? data : stripBom(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')) });
  });
}

/** Answers are asked for without compression, but a server may compress anyway: undone as axios would. */
function decoded(data: Buffer, encoding: string | undefined): Uint8Array {
  if (!encoding || encoding === 'identity' || data.byteLength === 0) return data;
  const zlib = nodeBuiltin<Zlib>('node:zlib');
  if (!zlib) return data;
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(data);
    case 'deflate':
      return zlib.inflateSync(data);
    case 'br':
      return zlib.brotliDecompressSync(data);
    default:
      return data;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function hasHeader(headers: Readonly<Record<string, string>>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

function contentLength(headers: Readonly<Record<string, string>>): number | null {
  const key = Object.keys(headers).find((name) => name.toLowerCase() === 'content-length');
  const value = key === undefined ? NaN : Number(headers[key]);
  return Number.isFinite(value) ? value : null;
}

/** A Node Readable (what `fs.createReadStream` and `Readable.from` make). */
export function isReadable(value: unknown): value is Readable {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { pipe?: unknown; on?: unknown; read?: unknown };
  return typeof candidate.pipe === 'function' && typeof candidate.on === 'function' && typeof candidate.read === 'function';
}
