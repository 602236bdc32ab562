import { Readable } from 'node:stream';
import type { EmulatorContext } from '../context.js';
import { HttpError } from '../http-util.js';
import { notSupported } from '../not-supported.js';
import type { RouteRequest } from '../router.js';
import type { FileRecord } from '../state/records.js';
import type { Store } from '../state/store.js';
import { parseCdnPath, type CdnTarget } from './cdn-path.js';
import { contentDisposition, isActiveContent } from './content-disposition.js';
import { isRefusal, parseEffects } from './operations.js';
import { sendBody } from './send-body.js';
import { DEFAULT_VARIANT_CACHE_LIMITS, type VariantCacheLimits } from './variant-cache.js';
import { badRequest, notProcessable, Variants } from './variants.js';

/**
 * CDN routes: `/{uuid}/[-/effects/][filename]` and `/{group}/nth/{i}/[-/effects/][filename]`, GET and HEAD. Image
 * operations are applied (sharp) and their variants cached within `cacheLimits`.
 */
export function registerCdnRoutes({ router, store }: EmulatorContext, cacheLimits: VariantCacheLimits = DEFAULT_VARIANT_CACHE_LIMITS): Variants {
  const variants = new Variants(store, cacheLimits);
  const serve = (request: RouteRequest): Promise<void> => serveFile(store, variants, request);
  router.add('GET', '/:id/*rest', serve);
  router.add('HEAD', '/:id/*rest', serve);
  return variants;
}

/** The answer for paths the CDN pattern catches but does not serve: the emulator's ordinary 404. */
const notFound = (): HttpError => new HttpError(404, { detail: 'Not found.' });

/**
 * Serves a file: its original bytes when no image operation applies, else the image the operations make (or the JSON
 * of `-/json/`, `-/main_colors/`), with Content-Type, an ETag, single-range requests, and its name in
 * `Content-Disposition` (a download for active content and for `-/inline/no/`). Refuses with 400 what the real CDN
 * refuses: an unknown or malformed operation, sizes above its limits, image operations on a file that is not an image
 * it processes. Unknown and removed files are 404.
 */
async function serveFile(store: Store, variants: Variants, { req, res, params }: RouteRequest): Promise<void> {
  const target = parseCdnPath(params['id'] ?? '', params['rest'] ?? '');
  if (!target) throw notFound();
  const file = resolve(store, target);
  if (!file || file.datetimeRemoved) throw new HttpError(404, 'Not Found');
  const chain = parseEffects(target.effects);
  if (isRefusal(chain)) throw badRequest(chain.refused);
  const [first] = chain.operations;
  const refused = first ? notProcessable(file, first.name) : null;
  if (refused) throw badRequest(refused);
  if (chain.notEmulated) throw notSupported(`The CDN operation -/${chain.notEmulated}/`);

  const filename = target.filename ?? file.filename;
  // The real CDN caches for a year; a test double must not let browsers serve a removed file from cache.
  const common = { 'Last-Modified': file.datetimeUploaded.toUTCString(), 'Cache-Control': 'no-cache' };
  if (!first) {
    await sendBody(req, res, { ...common, 'Content-Type': file.mimeType, ...disposition(file.mimeType, filename, chain.inline) }, {
      size: file.size,
      etag: `"${file.uuid}-${file.size}"`,
      read: (range) => store.blobs.read(file.blobId, range),
    });
    return;
  }
  const variant = await variants.get(file, target.effects, chain.operations, req.headers.accept);
  const headers = { ...common, 'Content-Type': variant.contentType, ...disposition(variant.contentType, filename, chain.inline), ...(variant.variesWithAccept ? { Vary: varyWith(res.getHeader('Vary'), 'Accept') } : {}) };
  await sendBody(req, res, headers, {
    size: variant.body.length,
    etag: variant.etag,
    read: (range) => Readable.from([range ? variant.body.subarray(range.start, range.end + 1) : variant.body]),
  });
}

/**
 * `Content-Disposition` (and, for active content, a sandboxing CSP): inline unless `-/inline/no/` asks for a download;
 * active content (HTML, SVG, XML) is always a download, so that no uploaded file runs on the emulator's origin.
 */
function disposition(mimeType: string, filename: string, inline: boolean | null): Record<string, string> {
  const header = contentDisposition(mimeType, filename);
  return {
    'Content-Disposition': inline === false ? header.replace(/^inline/, 'attachment') : header,
    // Should a browser display active content all the same, it runs with no origin and no scripts.
    ...(isActiveContent(mimeType) ? { 'Content-Security-Policy': "sandbox; default-src 'none'" } : {}),
  };
}

/** A `Vary` value naming `header` besides what it already names (the emulator varies every answer with `Origin`). */
function varyWith(current: number | string | readonly string[] | undefined, header: string): string {
  const names = (Array.isArray(current) ? current.join(',') : String(current ?? '')).split(',').map((name) => name.trim()).filter((name) => name !== '');
  return [...names, header].join(', ');
}

function resolve(store: Store, target: CdnTarget): FileRecord | undefined {
  if (target.kind === 'file') return store.fileByUuid(target.uuid);
  const group = store.groupById(target.groupId);
  const member = group?.files[target.index];
  return member ? store.fileByUuid(member.uuid) : undefined;
}
