import type { Readable } from 'node:stream';
import type { BlobRef } from '../state/blob-store.js';
import type { FileRecord, ProjectConfig } from '../state/records.js';
import type { Store } from '../state/store.js';
import { readImageHeader } from './content/image-header.js';
import { detectMimeType } from './content/mime-type.js';
import { headFirstSource } from './content/video/byte-source.js';
import { readVideoInfo } from './content/video/read-video-info.js';

/** How many leading bytes are read back to recognise a file's type and image header. */
const HEAD_BYTES = 512 * 1024;

/** What an upload (direct, multipart or from URL) knows once its bytes are in the blob store. */
export interface CompletedUpload {
  readonly project: ProjectConfig;
  readonly blob: BlobRef;
  readonly filename: string;
  /** The content type the uploader declared, if any. */
  readonly contentType: string | undefined;
  /** `UPLOADCARE_STORE` / `store` as sent: `0`, `1`, `auto` or absent. */
  readonly store: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
  /** File tags, normalized and checked (upload/tags.ts). */
  readonly tags: readonly string[];
  readonly source: string | null;
  /** A UUID promised earlier (multipart start); a new one otherwise. */
  readonly uuid?: string;
}

/** True when the upload's store choice marks the file stored: `1`, or `auto` (the default) on an autostore project. */
export function shouldStore(value: string | undefined, project: ProjectConfig): boolean {
  const choice = (value ?? 'auto').toLowerCase();
  if (choice === '1' || choice === 'true') return true;
  if (choice === '0' || choice === 'false') return false;
  return project.autostore;
}

/**
 * Turns uploaded bytes into a file record: recognises its type and image header from the first bytes and a video
 * container's details from its headers (wherever they are), adds it (`file.uploaded`), then stores it when asked
 * (`file.stored`).
 */
export async function addUploadedFile(store: Store, upload: CompletedUpload): Promise<FileRecord> {
  const head = await readHead(store, upload.blob);
  const videoInfo = await readVideoInfo(head, headFirstSource(head, upload.blob.size, (start, length) => readRange(store, upload.blob, start, length)));
  const now = new Date();
  const file = store.addFile({
    uuid: upload.uuid ?? store.newUuid(),
    projectKey: upload.project.publicKey,
    filename: upload.filename,
    size: upload.blob.size,
    mimeType: detectMimeType(head, upload.contentType, upload.filename),
    blobId: upload.blob.id,
    datetimeUploaded: now,
    datetimeStored: null,
    datetimeRemoved: null,
    metadata: { ...upload.metadata },
    tags: [...upload.tags],
    appdata: null,
    source: upload.source,
    imageInfo: readImageHeader(head),
    videoInfo,
  });
  return shouldStore(upload.store, upload.project) ? store.updateFile(file.uuid, { datetimeStored: now }) : file;
}

/**
 * The blob's first bytes (at most {@link HEAD_BYTES}: with a video container's header boxes, bounded by its reader,
 * the only part of an upload ever held in one buffer).
 */
function readHead(store: Store, blob: BlobRef): Promise<Uint8Array> {
  return readRange(store, blob, 0, HEAD_BYTES);
}

/** Up to `length` bytes of the blob from `start`. */
async function readRange(store: Store, blob: BlobRef, start: number, length: number): Promise<Uint8Array> {
  const end = Math.min(blob.size, start + length);
  if (end <= start) return new Uint8Array(0);
  const stream: Readable = store.blobs.read(blob.id, { start, end: end - 1 });
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  return Buffer.concat(chunks);
}
