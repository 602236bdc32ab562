import { readExif, type ExifDetails } from './exif.js';
import type { ImageInfo } from '../../state/records.js';

/**
 * Reads an image's format, dimensions, color mode and animation flag from its first bytes
 * (PNG, JPEG, GIF, WebP). Returns null for anything else or a header cut too short.
 */
export function readImageHeader(bytes: Uint8Array): ImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return readPng(bytes, view);
    if (startsWith(bytes, [0xff, 0xd8, 0xff])) return readJpeg(bytes, view);
    if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return readGif(bytes, view);
    if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return readWebp(bytes, view);
  } catch (error) {
    if (error instanceof RangeError) return null; // header cut short
    throw error;
  }
  return null;
}

const PNG_COLOR_MODES: Readonly<Record<number, string>> = { 0: 'L', 2: 'RGB', 3: 'P', 4: 'LA', 6: 'RGBA' };

function readPng(bytes: Uint8Array, view: DataView): ImageInfo | null {
  if (ascii(bytes, 12, 4) !== 'IHDR') return null;
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const colorMode = PNG_COLOR_MODES[view.getUint8(25)] ?? 'RGB';
  // An APNG announces itself with an acTL chunk before the first IDAT.
  let sequence = false;
  for (let offset = 8; offset + 8 <= bytes.length; ) {
    const length = view.getUint32(offset);
    const type = ascii(bytes, offset + 4, 4);
    if (type === 'acTL') sequence = true;
    if (type === 'IDAT' || type === 'IEND') break;
    offset += 12 + length;
  }
  return { format: 'PNG', width, height, colorMode, sequence };
}

const JPEG_COLOR_MODES: Readonly<Record<number, string>> = { 1: 'L', 3: 'RGB', 4: 'CMYK' };

/** A JPEG's size and colour mode (its start of frame), with what its EXIF block (APP1) or JFIF density (APP0) tell. */
function readJpeg(bytes: Uint8Array, view: DataView): ImageInfo | null {
  let details: ExifDetails = {};
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (view.getUint8(offset) !== 0xff) return null;
    const marker = view.getUint8(offset + 1);
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9)) {
      offset += 2; // markers without a length
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (marker === 0xe1 && ascii(bytes, offset + 4, 6) === 'Exif\0\0') {
      details = { ...details, ...readExif(bytes.subarray(offset + 10, Math.min(bytes.length, offset + 2 + length))) };
    }
    if (marker === 0xe0 && ascii(bytes, offset + 4, 5) === 'JFIF\0' && details.dpi === undefined) details = { ...details, ...jfifDpi(view, offset) };
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      const height = view.getUint16(offset + 5);
      const width = view.getUint16(offset + 7);
      const colorMode = JPEG_COLOR_MODES[view.getUint8(offset + 9)] ?? 'RGB';
      return { format: 'JPEG', width, height, colorMode, sequence: false, ...details };
    }
    offset += 2 + length;
  }
  return null;
}

/** Dots per inch of a JFIF header whose density unit is inches (1) or centimetres (2); none for a bare aspect ratio (0). */
function jfifDpi(view: DataView, segment: number): Pick<ExifDetails, 'dpi'> {
  if (segment + 16 > view.byteLength) return {};
  const unit = view.getUint8(segment + 11);
  const [x, y] = [view.getUint16(segment + 12), view.getUint16(segment + 14)];
  if (unit === 1) return { dpi: [x, y] };
  if (unit === 2) return { dpi: [Math.round(x * 2.54), Math.round(y * 2.54)] };
  return {};
}

function readGif(bytes: Uint8Array, view: DataView): ImageInfo {
  const width = view.getUint16(6, true);
  const height = view.getUint16(8, true);
  return { format: 'GIF', width, height, colorMode: 'P', sequence: countGifFrames(bytes, view) > 1 };
}

/** Walks GIF blocks up to the second frame (or the end of what is given). */
function countGifFrames(bytes: Uint8Array, view: DataView): number {
  const colorTableSize = (flags: number): number => ((flags & 0x80) !== 0 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  const skipSubBlocks = (from: number): number => {
    let offset = from;
    while (offset < bytes.length) {
      const size = view.getUint8(offset);
      offset += 1 + size;
      if (size === 0) break;
    }
    return offset;
  };
  let frames = 0;
  let offset = 13 + colorTableSize(view.getUint8(10));
  while (offset < bytes.length && frames < 2) {
    const block = view.getUint8(offset);
    if (block === 0x21) {
      offset = skipSubBlocks(offset + 2);
    } else if (block === 0x2c) {
      frames += 1;
      offset += 10 + colorTableSize(view.getUint8(offset + 9));
      offset = skipSubBlocks(offset + 1); // after the LZW minimum code size
    } else {
      break; // trailer or garbage
    }
  }
  return frames;
}

function readWebp(bytes: Uint8Array, view: DataView): ImageInfo | null {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8 ') {
    if (!startsWith(bytes.subarray(23), [0x9d, 0x01, 0x2a])) return null;
    const width = view.getUint16(26, true) & 0x3fff;
    const height = view.getUint16(28, true) & 0x3fff;
    return { format: 'WEBP', width, height, colorMode: 'RGB', sequence: false };
  }
  if (chunk === 'VP8L') {
    if (view.getUint8(20) !== 0x2f) return null;
    const bits = view.getUint32(21, true);
    const width = (bits & 0x3fff) + 1;
    const height = ((bits >>> 14) & 0x3fff) + 1;
    const alpha = ((bits >>> 28) & 1) === 1;
    return { format: 'WEBP', width, height, colorMode: alpha ? 'RGBA' : 'RGB', sequence: false };
  }
  if (chunk === 'VP8X') {
    const flags = view.getUint8(20);
    const width = readUint24(view, 24) + 1;
    const height = readUint24(view, 27) + 1;
    return { format: 'WEBP', width, height, colorMode: (flags & 0x10) !== 0 ? 'RGBA' : 'RGB', sequence: (flags & 0x02) !== 0 };
  }
  return null;
}

function readUint24(view: DataView, offset: number): number {
  return view.getUint8(offset) | (view.getUint8(offset + 1) << 8) | (view.getUint8(offset + 2) << 16);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (offset + length > bytes.length) throw new RangeError('header cut short');
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
