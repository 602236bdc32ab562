import { ebmlDocType, looksLikeMatroska } from './video/matroska.js';

/** MIME types recognised from a file's first bytes. */
const MAGIC: readonly { readonly mime: string; readonly test: (bytes: Uint8Array) => boolean }[] = [
  { mime: 'image/png', test: (b) => hasBytes(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/jpeg', test: (b) => hasBytes(b, 0, [0xff, 0xd8, 0xff]) },
  { mime: 'image/gif', test: (b) => hasAscii(b, 0, 'GIF87a') || hasAscii(b, 0, 'GIF89a') },
  { mime: 'image/webp', test: (b) => hasAscii(b, 0, 'RIFF') && hasAscii(b, 8, 'WEBP') },
  { mime: 'image/bmp', test: (b) => hasAscii(b, 0, 'BM') && b.length >= 26 },
  { mime: 'image/tiff', test: (b) => hasBytes(b, 0, [0x49, 0x49, 0x2a, 0x00]) || hasBytes(b, 0, [0x4d, 0x4d, 0x00, 0x2a]) },
  { mime: 'application/pdf', test: (b) => hasAscii(b, 0, '%PDF-') },
  { mime: 'application/zip', test: (b) => hasBytes(b, 0, [0x50, 0x4b, 0x03, 0x04]) },
  { mime: 'application/gzip', test: (b) => hasBytes(b, 0, [0x1f, 0x8b]) },
  { mime: 'video/quicktime', test: (b) => hasAscii(b, 4, 'ftypqt  ') || hasAscii(b, 4, 'moov') || hasAscii(b, 4, 'wide') },
  { mime: 'video/mp4', test: (b) => hasAscii(b, 4, 'ftyp') },
  { mime: 'video/webm', test: (b) => looksLikeMatroska(b) && ebmlDocType(b) === 'webm' },
  { mime: 'video/x-matroska', test: (b) => looksLikeMatroska(b) },
  { mime: 'audio/mpeg', test: (b) => hasAscii(b, 0, 'ID3') },
];

/** MIME types by file extension, for bytes that tell nothing. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  xml: 'application/xml',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  zip: 'application/zip',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  mp3: 'audio/mpeg',
};

const GENERIC = 'application/octet-stream';

/**
 * A file's MIME type: the content type the uploader gave, as the real service keeps it (PNG bytes declared
 * `image/jpeg` stay `image/jpeg`); when none was given or it is generic (`application/octet-stream`), recognised from
 * the first bytes, else from the filename's extension, else `application/octet-stream`.
 */
export function detectMimeType(head: Uint8Array, givenType: string | undefined, filename: string): string {
  const given = givenType?.split(';')[0]?.trim().toLowerCase();
  if (given && given !== GENERIC && /^[\w.+-]+\/[\w.+-]+$/.test(given)) return given;
  const sniffed = MAGIC.find((entry) => entry.test(head));
  if (sniffed) return sniffed.mime;
  const extension = /\.([^.]+)$/.exec(filename)?.[1]?.toLowerCase();
  return (extension && BY_EXTENSION[extension]) || GENERIC;
}

function hasBytes(bytes: Uint8Array, offset: number, expected: readonly number[]): boolean {
  return expected.every((byte, i) => bytes[offset + i] === byte);
}

function hasAscii(bytes: Uint8Array, offset: number, text: string): boolean {
  return hasBytes(bytes, offset, [...text].map((char) => char.charCodeAt(0)));
}

