import type { Readable } from 'node:stream';
import type { Sharp } from 'sharp';
import type { ImageInfo } from '../state/records.js';
import { applyOperation, DEFAULT_FILL, type OverlaySource, type RenderState } from './apply-operation.js';
import { CDN_LIMITS } from './cdn-limits.js';
import { previewSize, resizeSize } from './geometry.js';
import type { ImageOperation, QualityLevel } from './image-operation.js';
import type { Size } from './operation-args.js';
import { CONTENT_TYPES, negotiates, outputFormat, type OutputFormat } from './output-format.js';
import { fromRaw, hasTransparency, loadSharp, toRaw, type RawImage } from './raw-image.js';

/** An image the CDN made: its encoded bytes and what they are. */
export interface RenderedImage {
  readonly body: Buffer;
  readonly contentType: string;
  readonly format: OutputFormat;
  /** True when the format was picked from `Accept` (the answer carries `Vary: Accept`). */
  readonly variesWithAccept: boolean;
}

/** The source of a rendering: the file's bytes (read once) and what its header told. */
export interface RenderSource {
  readonly read: () => Readable;
  readonly info: ImageInfo;
}

/** Operations that size the image: the docs require one of them in every chain ("core operations"). */
const CORE: ReadonlySet<ImageOperation['name']> = new Set(['preview', 'resize', 'smart_resize', 'scale_crop']);

/**
 * The operations as the CDN runs them: a chain without a core operation gets `-/preview/` first (the real service
 * asks for one; its default fits into 2048x2048, so a small image keeps its size).
 */
export function withCoreOperation(operations: readonly ImageOperation[]): readonly ImageOperation[] {
  return operations.some((operation) => CORE.has(operation.name)) ? operations : [{ name: 'preview', size: CDN_LIMITS.defaultPreview }, ...operations];
}

/**
 * Decodes the image (EXIF orientation applied unless `-/autorotate/no/`), refusing more than the real pixel limit, and
 * applies the pixel operations in order. A leading `preview` or `resize` is done while decoding, so a large JPEG is
 * shrunk as it loads and never held at full size.
 */
export async function renderPixels(source: RenderSource, operations: readonly ImageOperation[], overlay: OverlaySource): Promise<{ image: RawImage; state: RenderState }> {
  const state: RenderState = { stretch: 'on', fill: null };
  const autorotate = !operations.some((operation) => operation.name === 'autorotate' && !operation.on);
  const [first, ...rest] = operations;
  const folded = first ? loadSize(first, orientedSize(source.info, autorotate)) : null;
  let image = await decode(source.read(), autorotate, folded);
  for (const operation of folded ? rest : operations) image = await applyOperation(image, operation, state, overlay);
  return { image, state };
}

/** Renders and encodes: the format from `-/format/` (or `auto` and `Accept`), quality and progressive JPEG. */
export async function renderImage(source: RenderSource, operations: readonly ImageOperation[], accept: string | undefined, overlay: OverlaySource): Promise<RenderedImage> {
  const { image, state } = await renderPixels(source, withCoreOperation(operations), overlay);
  const choice = last(operations, 'format')?.format ?? null;
  const transparent = hasTransparency(image);
  const format = outputFormat(choice, accept, source.info.format, transparent);
  let pipeline = await fromRaw(image);
  if (!transparent) pipeline = pipeline.removeAlpha();
  else if (format === 'jpeg') pipeline = pipeline.flatten({ background: state.fill ?? DEFAULT_FILL });
  const quality = QUALITY[last(operations, 'quality')?.level ?? 'normal'];
  const progressive = last(operations, 'progressive')?.on ?? false;
  const body = await encoded(pipeline, format, quality, progressive).toBuffer();
  return { body, contentType: CONTENT_TYPES[format], format, variesWithAccept: negotiates(choice) };
}

/** The encoder quality each `-/quality/` level stands for (the emulator's choice; the real values are not published). */
const QUALITY: Readonly<Record<QualityLevel, number>> = { lightest: 40, lighter: 60, normal: 80, better: 90, best: 95, smart: 80, smart_retina: 70 };

function encoded(pipeline: Sharp, format: OutputFormat, quality: number, progressive: boolean): Sharp {
  switch (format) {
    case 'jpeg':
      return pipeline.jpeg({ quality, progressive });
    case 'png':
      return pipeline.png();
    case 'webp':
      return pipeline.webp({ quality, effort: 2 });
    case 'avif':
      return pipeline.avif({ quality: Math.round(quality * 0.7), effort: 0 });
  }
}

function last<N extends ImageOperation['name']>(operations: readonly ImageOperation[], name: N): Extract<ImageOperation, { name: N }> | undefined {
  return operations.filter((operation): operation is Extract<ImageOperation, { name: N }> => operation.name === name).at(-1);
}

/** The image's size as displayed: EXIF orientations 5 to 8 turn it a quarter. */
function orientedSize(info: ImageInfo, autorotate: boolean): Size {
  const turned = autorotate && (info.orientation ?? 1) >= 5;
  return turned ? { width: info.height, height: info.width } : { width: info.width, height: info.height };
}

/** The size a leading `preview` or `resize` (default stretch) gives, to be done while decoding; null for other operations. */
function loadSize(operation: ImageOperation, source: Size): Size | null {
  if (operation.name === 'preview') return previewSize(source, operation.size);
  if (operation.name === 'resize') return resizeSize(source, operation.size, 'on').image;
  return null;
}

async function decode(bytes: Readable, autorotate: boolean, size: Size | null): Promise<RawImage> {
  const sharp = await loadSharp();
  const decoder = sharp({ limitInputPixels: CDN_LIMITS.maxInputPixels, sequentialRead: true });
  bytes.on('error', (error) => decoder.destroy(error));
  bytes.pipe(decoder);
  if (autorotate) decoder.autoOrient();
  if (size) decoder.resize(size.width, size.height, { fit: 'fill' });
  return toRaw(decoder);
}
