import { pixels, refuse } from './transformations/arguments.js';
import { ImageTransformation } from './transformations/image-transformation.js';
import type { ImageFormat } from './transformations/output.js';

/** An image on the CDN: its CDN URL (ending in `/`, effects allowed), or anything with one, like a `File`. */
export type ImageSource = string | { readonly cdnUrl: string };

/** A `<source>` of a `<picture>`: one format at every width. */
export interface PictureSource {
  /** MIME type of the format, e.g. `image/avif`. */
  readonly type: string;
  readonly srcset: string;
}

/** What a `<picture>` needs: sources in order of preference, then the `<img>` every browser can show. */
export interface PictureSources {
  readonly sources: readonly PictureSource[];
  /** The fallback `<img>`: `src` at the largest width, `srcset` at every width. */
  readonly img: { readonly src: string; readonly srcset: string };
}

/** Options of {@link pictureSources}. */
export interface PictureOptions {
  /** The widths in pixels of each `srcset`. */
  readonly widths: readonly number[];
  /** Operations before the resize (crop, quality...); it must not set a format: the helper does. */
  readonly transformation?: ImageTransformation;
  /** The formats of the `<source>`s, in order of preference; default `['avif', 'webp']`. */
  readonly formats?: readonly ('avif' | 'webp' | 'png' | 'jpeg')[];
  /** The format of the fallback `<img>`; default `jpeg` (use `preserve` to keep PNG transparency). */
  readonly fallback?: 'jpeg' | 'png' | 'preserve';
}

/** Default {@link PictureOptions.formats}: AVIF first, then WebP. */
export const DEFAULT_PICTURE_FORMATS: readonly ('avif' | 'webp')[] = ['avif', 'webp'];

const MIME_TYPES: Readonly<Record<string, string>> = { avif: 'image/avif', webp: 'image/webp', png: 'image/png', jpeg: 'image/jpeg' };

/**
 * A `srcset` attribute: the image resized to each width (`-/resize/<w>x/`) after `transformation`, with its `w`
 * descriptor. No request.
 *
 * ```ts
 * srcset(file, [320, 640], new ImageTransformation().format('auto'));
 * // 'https://…/<uuid>/-/format/auto/-/resize/320x/ 320w, https://…/<uuid>/-/format/auto/-/resize/640x/ 640w'
 * ```
 * @throws InvalidTransformationError when the source is not a CDN URL ending in `/`, or a width is not a positive
 *   integer up to the CDN's limit, repeats, or none is given.
 */
export function srcset(source: ImageSource, widths: readonly number[], transformation: ImageTransformation = new ImageTransformation()): string {
  return atWidths(cdnUrlOf(source, 'srcset'), checkedWidths(widths, 'srcset'), transformation);
}

/**
 * The sources of a `<picture>` with format fallbacks: one `<source>` per format (AVIF, then WebP by default), each a
 * {@link srcset}, and an `<img>` in a format every browser shows. No request.
 * @throws InvalidTransformationError as {@link srcset}, and when `transformation` already sets a format.
 */
export function pictureSources(source: ImageSource, options: PictureOptions): PictureSources {
  if (typeof options !== 'object' || options === null) refuse('pictureSources', 'options', 'required', 'must be { widths, ... }', options);
  const base = cdnUrlOf(source, 'pictureSources');
  const widths = checkedWidths(options.widths, 'pictureSources');
  const transformation = options.transformation ?? new ImageTransformation();
  if (transformation.operations.some((op) => op.name === 'format')) {
    refuse('pictureSources', 'transformation', 'format-conflict', 'must not set a format: each source sets its own', transformation.effects);
  }
  const at = (format: ImageFormat) => atWidths(base, widths, transformation.format(format));
  const sources = (options.formats ?? DEFAULT_PICTURE_FORMATS).map((format) => ({ type: MIME_TYPES[format] ?? '', srcset: at(format) }));
  const fallback = options.fallback ?? 'jpeg';
  const largest = Math.max(...widths);
  return { sources, img: { src: `${base}${transformation.format(fallback).resize(largest)}`, srcset: at(fallback) } };
}

/** `<base><transformation>-/resize/<w>x/ <w>w` for each width, comma-separated. */
function atWidths(base: string, widths: readonly number[], transformation: ImageTransformation): string {
  return widths.map((width) => `${base}${transformation.resize(width)} ${width}w`).join(', ');
}

function cdnUrlOf(source: ImageSource, helper: string): string {
  const url = typeof source === 'string' ? source : typeof source === 'object' && source !== null ? source.cdnUrl : undefined;
  if (typeof url !== 'string' || !/^(?:https?:)?\/\/[^?#]*\/$/.test(url)) {
    refuse(helper, 'source', 'cdn-url', "must be a file's CDN URL ending in '/' (or a File)", url ?? source);
  }
  return url;
}

function checkedWidths(widths: readonly number[], helper: string): readonly number[] {
  if (!Array.isArray(widths) || widths.length === 0) refuse(helper, 'widths', 'required', 'must list at least one width', widths);
  widths.forEach((width, i) => pixels(helper, `widths[${i}]`, width));
  if (new Set(widths).size !== widths.length) refuse(helper, 'widths', 'unique', 'must not repeat a width', widths);
  return widths;
}
