import { createHash } from 'node:crypto';
import { HttpError } from '../http-util.js';
import type { FileRecord } from '../state/records.js';
import type { Store } from '../state/store.js';
import type { OverlaySource } from './apply-operation.js';
import { CDN_LIMITS } from './cdn-limits.js';
import type { ImageOperation } from './image-operation.js';
import { infoJson } from './image-json.js';
import { negotiates, outputFormat } from './output-format.js';
import { renderImage, renderPixels, withCoreOperation, type RenderSource } from './render.js';
import { VariantCache, type VariantCacheLimits } from './variant-cache.js';

/** What the CDN answers for a chain of image operations: bytes, their type, and whether `Accept` chose them. */
export interface Variant {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
  readonly variesWithAccept: boolean;
}

/** The answer to a processed file: 400 with the CDN's plain-text message. */
export const badRequest = (message: string): HttpError => new HttpError(400, `Bad Request: ${message}`);

/** Why the CDN does not process `file` as an image (the real one: not an image, above 75 Mpx, from 100 MB), or null. */
export function notProcessable(file: FileRecord, operation: string): string | null {
  const info = file.imageInfo;
  if (!info || info.width * info.height > CDN_LIMITS.maxInputPixels) return `"${operation}" applies to images only; the file is not an image.`;
  if (file.size >= CDN_LIMITS.maxInputBytes) return 'Image operations apply to files smaller than 100 MB.';
  return null;
}

/**
 * Renders image variants (or their JSON) with sharp and keeps them in a bounded cache by path: the file's UUID, its
 * effects and, for a format picked from `Accept`, the format it picks.
 */
export class Variants {
  readonly #cache: VariantCache<Variant>;

  constructor(
    private readonly store: Store,
    limits: VariantCacheLimits,
  ) {
    this.#cache = new VariantCache(limits, (variant) => variant.body.length);
  }

  /** The variant of `file` that `operations` (read from `effects`) make for a request that accepts `accept`. */
  get(file: FileRecord, effects: string, operations: readonly ImageOperation[], accept: string | undefined): Promise<Variant> {
    const format = operations.filter((operation) => operation.name === 'format').at(-1);
    const negotiated = negotiates(format?.name === 'format' ? format.format : null) ? `|${outputFormat('auto', accept, '', false)}` : '';
    return this.#cache.get(`${file.uuid}/${effects}${negotiated}`, () => this.#render(file, effects, operations, accept));
  }

  /** Entries and bytes the cache holds now. */
  get cached(): { readonly entries: number; readonly bytes: number } {
    return this.#cache.size;
  }

  async #render(file: FileRecord, effects: string, operations: readonly ImageOperation[], accept: string | undefined): Promise<Variant> {
    const source = this.#source(file);
    const overlay: OverlaySource = (uuid) => this.#overlay(file, uuid);
    try {
      const last = operations.at(-1);
      if (last?.name === 'json' || last?.name === 'main_colors') {
        const before = effects.replace(/\/$/, '').split('/-/').slice(0, -1).map((operation) => `${operation}/`).join('-/');
        const body = Buffer.from(JSON.stringify(await infoJson(file.uuid, before, source, operations, overlay)));
        return { body, contentType: 'application/json', etag: etagOf(body), variesWithAccept: false };
      }
      const image = await renderImage(source, operations, accept, overlay);
      return { body: image.body, contentType: image.contentType, etag: etagOf(image.body), variesWithAccept: image.variesWithAccept };
    } catch (error) {
      if (error instanceof HttpError) throw error;
      throw badRequest(`the image cannot be processed (${error instanceof Error ? error.message.trim() : String(error)}).`);
    }
  }

  #source(file: FileRecord): RenderSource {
    if (!file.imageInfo) throw badRequest('the file is not an image.');
    return { read: () => this.store.blobs.read(file.blobId), info: file.imageInfo };
  }

  /** The pixels of an overlay: the file itself (`self`) or another image of the account. */
  async #overlay(file: FileRecord, uuid: string): Promise<Awaited<ReturnType<typeof renderPixels>>['image']> {
    const layer = uuid === 'self' ? file : this.store.fileByUuid(uuid);
    // The reference: an image "related to any project of your account"; all the emulator's projects are one account.
    if (!layer || layer.datetimeRemoved) throw badRequest(`the overlay ${uuid} is not a file of this account.`);
    const refused = notProcessable(layer, 'overlay');
    if (refused) throw badRequest(refused);
    return (await renderPixels(this.#source(layer), withCoreOperation([]), () => Promise.reject(badRequest('an overlay cannot have overlays.')))).image;
  }
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;
}
