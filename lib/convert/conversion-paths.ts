import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { fileUuid, type FileSource } from '../jobs/job-options.js';
import { checkOptions } from '../options/check-options.js';

/** A file to convert: a UUID, a CDN URL, or anything with a `uuid` (a {@link File}). */
export type ConversionSource = FileSource;

/** Target formats of document conversion (https://uploadcare.com/docs/transformations/document-conversion/). */
export const DOCUMENT_FORMATS = ['doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'rtf', 'txt', 'pdf', 'jpg', 'png', 'enhanced.jpg'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** Video encoding's containers, qualities and resize modes (https://uploadcare.com/docs/transformations/video-encoding/). */
export const VIDEO_FORMATS = ['mp4', 'webm', 'ogg'] as const;
export type VideoFormat = (typeof VIDEO_FORMATS)[number];
export const VIDEO_QUALITIES = ['normal', 'better', 'best', 'lighter', 'lightest'] as const;
export type VideoQuality = (typeof VIDEO_QUALITIES)[number];
export const VIDEO_RESIZE_MODES = ['preserve_ratio', 'change_ratio', 'scale_crop', 'add_padding'] as const;
export type VideoResizeMode = (typeof VIDEO_RESIZE_MODES)[number];

/** What one document becomes. */
export interface DocumentTarget {
  readonly format: DocumentFormat;
  /** Converts this page only (1-based): multi-page documents to an image format otherwise give a zip of pages. */
  readonly page?: number;
}

/** What one video becomes; every field optional (the encoder's defaults: mp4, normal quality, original size). */
export interface VideoTarget {
  readonly format?: VideoFormat;
  readonly quality?: VideoQuality;
  /** Width and/or height in pixels, multiples of 4; the other side follows the ratio unless `resizeMode` says. */
  readonly size?: { readonly width?: number; readonly height?: number; readonly resizeMode?: VideoResizeMode };
  /** From `start` (`[[HH:]MM:]SS[.sss]`), for `length` (the same form) or to the `'end'`. */
  readonly cut?: { readonly start: string; readonly length: string };
  /** How many thumbnails to make, 1 to 50 (the service makes 1 by default). */
  readonly thumbs?: number;
}

const TIME = /^(?:\d+:){0,2}\d+(?:\.\d+)?$/;

/**
 * `<uuid>/document/-/format/<format>/[-/page/<n>/]`, the path `POST convert/document/` takes.
 * @throws InvalidParamError for a source holding no UUID or options the service would refuse.
 */
export function documentPath(source: ConversionSource, target: DocumentTarget): string {
  const uuid = fileUuid(source);
  const { format, page } = target ?? ({} as DocumentTarget);
  if (!(DOCUMENT_FORMATS as readonly unknown[]).includes(format)) throw new InvalidParamError(`format must be one of ${DOCUMENT_FORMATS.join(', ')}, not ${describeValue(format)}`);
  if (page !== undefined && !(Number.isInteger(page) && page >= 1)) throw new InvalidParamError(`page must be a page number from 1, not ${describeValue(page)}`);
  return `${uuid}/document/-/format/${format}/${page === undefined ? '' : `-/page/${page}/`}`;
}

/**
 * `<uuid>/video/[-/format/…/][-/size/<w>x<h>/<mode>/][-/quality/…/][-/cut/<start>/<length>/][-/thumbs~<n>/]`.
 * @throws InvalidParamError for a source holding no UUID or options the service would refuse.
 */
export function videoPath(source: ConversionSource, target: VideoTarget = {}): string {
  const uuid = fileUuid(source);
  const operations: string[] = [];
  const { format, quality, size, cut, thumbs } = target;
  if (format !== undefined) operations.push(`format/${oneOf('format', format, VIDEO_FORMATS)}`);
  if (size !== undefined) operations.push(sizeOperation(size));
  if (quality !== undefined) operations.push(`quality/${oneOf('quality', quality, VIDEO_QUALITIES)}`);
  if (cut !== undefined) {
    checkOptions('cut', cut, ['start', 'length']);
    if (!TIME.test(String(cut?.start)) || !(cut.length === 'end' || TIME.test(String(cut.length)))) {
      throw new InvalidParamError(`cut must be { start, length } as [[HH:]MM:]SS[.sss] (length may be 'end'), not ${describeValue(cut)}`);
    }
    operations.push(`cut/${cut.start}/${cut.length}`);
  }
  if (thumbs !== undefined) {
    if (!Number.isInteger(thumbs) || thumbs < 1 || thumbs > 50) throw new InvalidParamError(`thumbs must be a whole number from 1 to 50, not ${describeValue(thumbs)}`);
    operations.push(`thumbs~${thumbs}`);
  }
  return `${uuid}/video/${operations.map((operation) => `-/${operation}/`).join('')}`;
}

function sizeOperation(size: NonNullable<VideoTarget['size']>): string {
  checkOptions('size', size, ['width', 'height', 'resizeMode']);
  const side = (name: string, value: number | undefined): string => {
    if (value === undefined) return '';
    if (!Number.isInteger(value) || value <= 0 || value % 4 !== 0) throw new InvalidParamError(`size.${name} must be a positive multiple of 4, not ${describeValue(value)}`);
    return String(value);
  };
  const width = side('width', size?.width);
  const height = side('height', size?.height);
  if (!width && !height) throw new InvalidParamError('size needs a width, a height or both');
  const mode = size.resizeMode === undefined ? '' : `/${oneOf('size.resizeMode', size.resizeMode, VIDEO_RESIZE_MODES)}`;
  return `size/${width}x${height}${mode}`;
}

function oneOf<T extends string>(name: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) throw new InvalidParamError(`${name} must be one of ${allowed.join(', ')}, not ${describeValue(value)}`);
  return value;
}

