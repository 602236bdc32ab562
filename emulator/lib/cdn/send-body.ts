import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { ByteRange } from '../state/blob-store.js';
import { parseRange } from './byte-range.js';

/** A body the CDN answers with: its size, its validator and a reader of any slice of it. */
export interface CdnBody {
  readonly size: number;
  readonly etag: string;
  readonly read: (range: ByteRange | undefined) => Readable;
}

/**
 * Answers a CDN GET or HEAD: 304 for a matching `If-None-Match`, single-range requests (206, 416; `If-Range` honoured),
 * else the whole body, with `headers` on every answer.
 */
export async function sendBody(req: IncomingMessage, res: ServerResponse, headers: Record<string, string | number>, body: CdnBody): Promise<void> {
  const all = { ...headers, 'Accept-Ranges': 'bytes', ETag: body.etag };
  if (req.headers['if-none-match'] === body.etag) {
    res.writeHead(304, all).end();
    return;
  }
  const ifRange = req.headers['if-range'];
  const range = ifRange === undefined || ifRange === body.etag ? parseRange(req.headers.range, body.size) : { kind: 'whole' as const };
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...all, 'Content-Range': `bytes */${body.size}`, 'Content-Length': 0 }).end();
    return;
  }
  const slice = range.kind === 'partial' ? range.range : undefined;
  const length = slice ? slice.end - slice.start + 1 : body.size;
  res.writeHead(slice ? 206 : 200, {
    ...all,
    'Content-Length': length,
    ...(slice ? { 'Content-Range': `bytes ${slice.start}-${slice.end}/${body.size}` } : {}),
  });
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  try {
    await pipeline(body.read(slice), res);
  } catch {
    res.destroy(); // the client went away, or the body failed mid-stream: nothing more can be said
  }
}
