import { pipeline } from 'node:stream/promises';
import type { EmulatorContext } from '../context.js';
import { HttpError } from '../http-util.js';
import type { RouteRequest } from '../router.js';
import type { FileRecord } from '../state/records.js';
import type { Store } from '../state/store.js';
import { parseRange } from './byte-range.js';
import { contentDisposition, isActiveContent } from './content-disposition.js';
import { parseCdnPath, type CdnTarget } from './cdn-path.js';
import { notEmulatedOperation, refusedEffects } from './operations.js';
import { notSupported } from '../not-supported.js';

/** CDN routes: `/{uuid}/[-/effects/][filename]` and `/{group}/nth/{i}/[-/effects/][filename]`, GET and HEAD. */
export function registerCdnRoutes({ router, store }: EmulatorContext): void {
  const serve = (request: RouteRequest): Promise<void> => serveFile(store, request);
  router.add('GET', '/:id/*rest', serve);
  router.add('HEAD', '/:id/*rest', serve);
}

/** The answer for paths the CDN pattern catches but does not serve: the emulator's ordinary 404. */
const notFound = (): HttpError => new HttpError(404, { detail: 'Not found.' });

/**
 * Serves a file's original bytes with its Content-Type, an ETag, `Accept-Ranges` and single-range requests (206, 416),
 * and its name in `Content-Disposition` (a download for active content: HTML, SVG, XML). Effects are checked as the
 * real CDN checks them (400 for an unknown or malformed operation, or an image one on another file) but not applied.
 * Unknown and removed files are 404.
 */
async function serveFile(store: Store, { req, res, params }: RouteRequest): Promise<void> {
  const target = parseCdnPath(params['id'] ?? '', params['rest'] ?? '');
  if (!target) throw notFound();
  const file = resolve(store, target);
  if (!file || file.datetimeRemoved) throw new HttpError(404, 'Not Found');
  const refused = refusedEffects(target.effects, file.imageInfo !== null);
  if (refused) throw new HttpError(400, `Bad Request: ${refused}`);
  const notEmulated = notEmulatedOperation(target.effects);
  if (notEmulated) throw notSupported(`The CDN operation -/${notEmulated}/`);

  const etag = `"${file.uuid}-${file.size}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': file.mimeType,
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': file.datetimeUploaded.toUTCString(),
    // The real CDN caches for a year; a test double must not let browsers serve a removed file from cache.
    'Cache-Control': 'no-cache',
    'Content-Disposition': contentDisposition(file.mimeType, target.filename ?? file.filename),
    // Should a browser display active content all the same, it runs with no origin and no scripts.
    ...(isActiveContent(file.mimeType) ? { 'Content-Security-Policy': "sandbox; default-src 'none'" } : {}),
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const ifRange = req.headers['if-range'];
  const range = ifRange === undefined || ifRange === etag ? parseRange(req.headers.range, file.size) : { kind: 'whole' as const };

  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${file.size}`, 'Content-Length': 0 }).end();
    return;
  }
  const slice = range.kind === 'partial' ? range.range : undefined;
  const length = slice ? slice.end - slice.start + 1 : file.size;
  res.writeHead(slice ? 206 : 200, {
    ...headers,
    'Content-Length': length,
    ...(slice ? { 'Content-Range': `bytes ${slice.start}-${slice.end}/${file.size}` } : {}),
  });
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  try {
    await pipeline(store.blobs.read(file.blobId, slice), res);
  } catch {
    res.destroy(); // the client went away, or the blob failed mid-stream: nothing more can be said
  }
}

function resolve(store: Store, target: CdnTarget): FileRecord | undefined {
  if (target.kind === 'file') return store.fileByUuid(target.uuid);
  const group = store.groupById(target.groupId);
  const member = group?.files[target.index];
  return member ? store.fileByUuid(member.uuid) : undefined;
}
