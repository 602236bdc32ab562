import type { ImageInfo } from '../state/records.js';
import { imageInfoJson } from '../upload/file-info.js';
import type { ImageOperation } from './image-operation.js';
import { blurhash } from './blurhash.js';
import { mainColors } from './main-colors.js';
import { transform, type RawImage } from './raw-image.js';
import { renderPixels, withCoreOperation, type RenderSource } from './render.js';
import { LUMA, type OverlaySource } from './apply-operation.js';

/**
 * The JSON the CDN answers for `-/json/` and `-/main_colors/N/`, shaped as Uploadcare's URL API reference shows them
 * (https://uploadcare.com/api-refs/url-api/ "File info as JSON"; https://uploadcare.com/docs/intelligence/color-recognition/):
 * for the original image, its `image_info` fields with `id` (the UUID), a perceptual `hash` and a `blurhash`; after
 * other operations, `id` is the path without the last operation, `width`/`height` those of the processed image, and
 * `original` describes the file.
 */
export async function infoJson(uuid: string, effectsBefore: string, source: RenderSource, operations: readonly ImageOperation[], overlay: OverlaySource): Promise<Record<string, unknown>> {
  const info = operations.at(-1);
  const before = operations.slice(0, -1);
  const { image } = await renderPixels(source, withCoreOperation(before), overlay);
  const processed = before.length > 0;
  const id = effectsBefore === '' ? `/${uuid}/` : `/${uuid}/-/${effectsBefore}`;
  const size = processed ? { width: image.width, height: image.height } : { width: source.info.width, height: source.info.height };
  if (info?.name === 'main_colors') {
    return { ...size, main_colors: mainColors(image, info.count), id, original: originalJson(uuid, source.info) };
  }
  const hash = await perceptualHash(image);
  if (processed) return { id, ...size, hash, original: fileJson(uuid, source.info, null, null) };
  return fileJson(uuid, source.info, hash, await blurhashOf(image));
}

/** The file's `image_info` with its `id`, `hash` and `blurhash`, in the reference's key order. */
function fileJson(uuid: string, info: ImageInfo, hash: string | null, placeholder: string | null): Record<string, unknown> {
  const json = imageInfoJson(info);
  return {
    id: uuid,
    dpi: json.dpi,
    width: json.width,
    format: json.format,
    height: json.height,
    sequence: json.sequence,
    color_mode: json.color_mode,
    orientation: json.orientation,
    geo_location: json.geo_location,
    datetime_original: json.datetime_original,
    hash,
    blurhash: placeholder,
  };
}

/** `original` of a `main_colors` answer: the seven keys the reference's example shows. */
function originalJson(uuid: string, info: ImageInfo): Record<string, unknown> {
  const json = imageInfoJson(info);
  return { width: json.width, geo_location: json.geo_location, orientation: json.orientation, datetime_original: json.datetime_original, format: json.format, id: uuid, height: json.height };
}

/** The BlurHash of the image, computed over a copy at most 32 pixels a side. */
async function blurhashOf(image: RawImage): Promise<string> {
  const small = await transform(image, (pipeline) => pipeline.resize(32, 32, { fit: 'inside' }));
  return blurhash(small);
}

/**
 * A 64-bit perceptual hash as 16 hex digits: a difference hash (each of 8x8 cells brighter than its right neighbour).
 * The real service's hash is perceptual too but of its own algorithm: compare hashes by Hamming distance, not equality.
 */
async function perceptualHash(image: RawImage): Promise<string> {
  const small = await transform(image, (pipeline) => pipeline.flatten({ background: '#ffffff' }).resize(9, 8, { fit: 'fill' }).recomb(LUMA));
  let bits = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const left = small.data[(y * 9 + x) * 4] ?? 0;
      const right = small.data[(y * 9 + x + 1) * 4] ?? 0;
      bits = (bits << 1n) | (left > right ? 1n : 0n);
    }
  }
  return bits.toString(16).padStart(16, '0');
}
