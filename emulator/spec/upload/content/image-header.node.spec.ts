import { readImageHeader } from '../../../lib/upload/content/image-header.js';
import { detectMimeType } from '../../../lib/upload/content/mime-type.js';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((char) => char.charCodeAt(0)) : part)));
const u16be = (n: number): number[] => [n >> 8, n & 0xff];
const u16le = (n: number): number[] => [n & 0xff, n >> 8];
const u32be = (n: number): number[] => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const u32le = (n: number): number[] => u32be(n).reverse();

function png(width: number, height: number, colorType: number, extraChunks: string[] = []): Uint8Array {
  const chunk = (type: string, data: number[]): number[] => [...u32be(data.length), ...bytes(type), ...data, 0, 0, 0, 0];
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    chunk('IHDR', [...u32be(width), ...u32be(height), 8, colorType, 0, 0, 0]),
    ...extraChunks.map((type) => chunk(type, [0, 0, 0, 0, 0, 0, 0, 0])),
    chunk('IDAT', []),
  );
}

function jpeg(width: number, height: number, components: number): Uint8Array {
  const app0 = [0xff, 0xe0, ...u16be(16), ...bytes('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc2, ...u16be(8 + 3 * components), 8, ...u16be(height), ...u16be(width), components, ...new Array<number>(3 * components).fill(1)];
  return bytes([0xff, 0xd8], app0, sof, [0xff, 0xd9]);
}

function gif(width: number, height: number, frames: number): Uint8Array {
  const frame = [0x21, 0xf9, 4, 0, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, ...u16le(width), ...u16le(height), 0, 2, 2, 0x4c, 0x01, 0];
  return bytes('GIF89a', [...u16le(width), ...u16le(height), 0x80, 0, 0], [0, 0, 0, 255, 255, 255], ...new Array<number[]>(frames).fill(frame), [0x3b]);
}

describe('image header sniffer', () => {
  it('reads PNG dimensions, color mode and APNG animation', () => {
    expect(readImageHeader(png(640, 480, 6))).toEqual({ format: 'PNG', width: 640, height: 480, colorMode: 'RGBA', sequence: false });
    expect(readImageHeader(png(1, 2, 0))).toEqual(jasmine.objectContaining({ colorMode: 'L' }));
    expect(readImageHeader(png(1, 2, 3, ['acTL']))).toEqual(jasmine.objectContaining({ colorMode: 'P', sequence: true }));
  });

  it('reads JPEG dimensions from the frame header after other segments', () => {
    expect(readImageHeader(jpeg(2935, 2352, 3))).toEqual({ format: 'JPEG', width: 2935, height: 2352, colorMode: 'RGB', sequence: false });
    expect(readImageHeader(jpeg(10, 20, 1))).toEqual(jasmine.objectContaining({ colorMode: 'L' }));
    expect(readImageHeader(jpeg(10, 20, 4))).toEqual(jasmine.objectContaining({ colorMode: 'CMYK' }));
  });

  it('reads GIF dimensions and tells an animation by its frames', () => {
    expect(readImageHeader(gif(300, 200, 1))).toEqual({ format: 'GIF', width: 300, height: 200, colorMode: 'P', sequence: false });
    expect(readImageHeader(gif(300, 200, 3))).toEqual(jasmine.objectContaining({ sequence: true }));
  });

  it('reads WebP lossy, lossless and extended headers', () => {
    const riff = (chunk: string, body: number[]): Uint8Array => bytes('RIFF', u32le(4 + 8 + body.length), 'WEBP', chunk, u32le(body.length), body);
    const lossy = riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...u16le(400), ...u16le(300)]);
    expect(readImageHeader(lossy)).toEqual({ format: 'WEBP', width: 400, height: 300, colorMode: 'RGB', sequence: false });
    const bits = (400 - 1) | ((300 - 1) << 14) | (1 << 28);
    expect(readImageHeader(riff('VP8L', [0x2f, ...u32le(bits >>> 0)]))).toEqual({ format: 'WEBP', width: 400, height: 300, colorMode: 'RGBA', sequence: false });
    const extended = riff('VP8X', [0x12, 0, 0, 0, 399 & 0xff, 399 >> 8, 0, 299 & 0xff, 299 >> 8, 0]);
    expect(readImageHeader(extended)).toEqual({ format: 'WEBP', width: 400, height: 300, colorMode: 'RGBA', sequence: true });
  });

  it('answers null for other bytes and for headers cut short', () => {
    expect(readImageHeader(bytes('%PDF-1.4'))).toBeNull();
    expect(readImageHeader(png(10, 10, 2).subarray(0, 20))).toBeNull();
    expect(readImageHeader(new Uint8Array(0))).toBeNull();
  });
});

describe('MIME type detection', () => {
  it('prefers a specific declared type, then magic bytes, then the extension', () => {
    expect(detectMimeType(png(1, 1, 2), 'text/plain', 'a.txt')).toBe('text/plain');
    expect(detectMimeType(png(1, 1, 2), 'application/octet-stream', 'a.txt')).toBe('image/png');
    expect(detectMimeType(bytes('%PDF-1.7'), undefined, 'doc')).toBe('application/pdf');
    expect(detectMimeType(bytes('plain'), 'text/csv; charset=utf-8', 'x.bin')).toBe('text/csv');
    expect(detectMimeType(bytes('plain'), 'application/octet-stream', 'notes.txt')).toBe('text/plain');
    expect(detectMimeType(bytes('plain'), undefined, 'noextension')).toBe('application/octet-stream');
  });
});
