import { loadSharp } from '../cdn/raw-image.js';
import type { FileRecord, ProjectConfig } from '../state/records.js';
import type { Store } from '../state/store.js';
import { addUploadedFile } from '../upload/new-file.js';
import { xlsPlaceholder } from './excel-binary.js';
import type { DOCUMENT_TARGETS } from './formats.js';
import { docxPlaceholder, xlsxPlaceholder } from './office-open-xml.js';
import { odsPlaceholder, odtPlaceholder } from './open-document.js';
import { jpegPlaceholder, mp4Placeholder, oggPlaceholder, pdfPlaceholder, pngPlaceholder, rtfPlaceholder, textPlaceholder, webmPlaceholder, type Placeholder } from './placeholders.js';
import { docPlaceholder } from './word-binary.js';

/** Where an output goes: a new file of `project`, with a UUID promised when the job started. */
export interface OutputTarget {
  readonly store: Store;
  readonly project: ProjectConfig;
  readonly uuid: string;
  /** `store` of the job as sent (`0`, `1`, `true`, `false`), or undefined for the project's setting. */
  readonly storeChoice: string | undefined;
}

/** The placeholder of every document target (docs/emulator.md); typed so that a new target needs its writer. */
const DOCUMENT_PLACEHOLDERS: Readonly<Record<(typeof DOCUMENT_TARGETS)[number], (source: FileRecord) => Placeholder>> = {
  pdf: (source) => pdfPlaceholder(placeholderText(source)),
  txt: (source) => textPlaceholder(placeholderText(source)),
  csv: (source) => ({ ...textPlaceholder(placeholderText(source)), mimeType: 'text/csv' }),
  rtf: (source) => rtfPlaceholder(placeholderText(source)),
  jpg: () => jpegPlaceholder(),
  'enhanced.jpg': () => jpegPlaceholder(),
  png: () => pngPlaceholder(),
  docx: (source) => docxPlaceholder(placeholderText(source)),
  xlsx: (source) => xlsxPlaceholder(placeholderText(source)),
  odt: (source) => odtPlaceholder(placeholderText(source)),
  ods: (source) => odsPlaceholder(placeholderText(source)),
  doc: (source) => docPlaceholder(placeholderText(source)),
  xls: (source) => xlsPlaceholder(placeholderText(source)),
};

/** The extension of an output's name: `enhanced.jpg` is a JPEG like `jpg`. */
const EXTENSIONS: Readonly<Record<string, string>> = { 'enhanced.jpg': 'jpg' };

const VIDEO_PLACEHOLDERS: Readonly<Record<string, () => Placeholder>> = { mp4: mp4Placeholder, webm: webmPlaceholder, ogg: oggPlaceholder };

/**
 * The output of a document conversion: an image converted to `jpg`, `enhanced.jpg` or `png` is really converted
 * (sharp, as the CDN does); anything else is a placeholder of the target format.
 */
export async function writeDocumentOutput(target: OutputTarget, source: FileRecord, format: string): Promise<FileRecord> {
  const extension = EXTENSIONS[format] ?? format;
  const filename = `${baseName(source.filename)}.${extension}`;
  if (source.imageInfo && (extension === 'jpg' || extension === 'png')) return addBytes(target, filename, await convertedImage(target.store, source, extension));
  const make = (DOCUMENT_PLACEHOLDERS as Readonly<Record<string, (source: FileRecord) => Placeholder>>)[format];
  if (!make) throw new Error(`The emulator does not write ${format} documents.`);
  return addBytes(target, filename, make(source));
}

/** The output of a video job: a placeholder container of `format`. */
export function writeVideoOutput(target: OutputTarget, source: FileRecord, format: string): Promise<FileRecord> {
  const make = VIDEO_PLACEHOLDERS[format] ?? mp4Placeholder;
  return addBytes(target, `${baseName(source.filename)}.${format}`, make());
}

/** A thumbnail of a video job: a placeholder JPEG. */
export function writeThumbnail(target: OutputTarget, source: FileRecord, index: number): Promise<FileRecord> {
  return addBytes(target, `${baseName(source.filename)}-thumb-${index}.jpg`, jpegPlaceholder());
}

async function addBytes(target: OutputTarget, filename: string, placeholder: Placeholder): Promise<FileRecord> {
  const blob = await target.store.blobs.write(once(placeholder.bytes));
  return add(target, filename, blob, placeholder.mimeType);
}

async function convertedImage(store: Store, source: FileRecord, format: 'jpg' | 'png'): Promise<Placeholder> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of store.blobs.read(source.blobId) as AsyncIterable<Uint8Array>) chunks.push(chunk);
  const sharp = await loadSharp();
  const image = sharp(Buffer.concat(chunks)).rotate();
  const bytes = format === 'jpg' ? await image.flatten({ background: '#ffffff' }).jpeg().toBuffer() : await image.png().toBuffer();
  return { bytes, mimeType: format === 'jpg' ? 'image/jpeg' : 'image/png' };
}

function add(target: OutputTarget, filename: string, blob: Awaited<ReturnType<Store['blobs']['write']>>, contentType: string): Promise<FileRecord> {
  return addUploadedFile(target.store, {
    project: target.project,
    blob,
    filename,
    contentType,
    store: target.storeChoice === undefined ? 'auto' : target.storeChoice === '1' || target.storeChoice === 'true' ? '1' : '0',
    metadata: {},
    tags: [],
    source: null,
    uuid: target.uuid,
  });
}

function placeholderText(source: FileRecord): string {
  return `Placeholder for ${source.filename}, written by the Uploadcare emulator: not a conversion of its content.`;
}

function baseName(filename: string): string {
  return filename.replace(/\.[^.]*$/, '') || 'converted';
}

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}
