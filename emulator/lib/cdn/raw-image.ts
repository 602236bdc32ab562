import type sharpFactory from 'sharp';
import type { Sharp } from 'sharp';
import type { Size } from './operation-args.js';

/** Decoded pixels between two operations: sRGB with alpha, 4 bytes a pixel. */
export interface RawImage extends Size {
  readonly data: Buffer;
}

type SharpFactory = typeof sharpFactory;

let loading: Promise<SharpFactory> | null = null;

/**
 * sharp (libvips), loaded on the first image request: an emulator that never processes an image never pays for it.
 * Its own operation cache is off: the CDN keeps the variants it makes (variant-cache.ts), and libvips' cache would
 * hold decoded images past their use.
 */
export function loadSharp(): Promise<SharpFactory> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp;
  });
  return loading;
}

/** A pipeline over `image`'s pixels. */
export async function fromRaw(image: RawImage): Promise<Sharp> {
  const sharp = await loadSharp();
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 4 } });
}

/** Runs `pipeline` to sRGB pixels with alpha. */
export async function toRaw(pipeline: Sharp): Promise<RawImage> {
  const { data, info } = await pipeline.toColourspace('srgb').ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 4) throw new Error(`expected 4 channels, got ${info.channels}`);
  return { data, width: info.width, height: info.height };
}

/** A pipeline over `image`'s pixels, run back to pixels. */
export async function transform(image: RawImage, step: (pipeline: Sharp) => Sharp): Promise<RawImage> {
  return toRaw(step(await fromRaw(image)));
}

/** True when some pixel of `image` is not fully opaque. */
export function hasTransparency(image: RawImage): boolean {
  for (let i = 3; i < image.data.length; i += 4) if (image.data[i] !== 255) return true;
  return false;
}
