import type { UploadField, UploadFile } from './types.js';
import { fieldEntries, filePart } from './upload-form.js';

const CRLF = '\r\n';
const BOUNDARY_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';

/** A multipart form already encoded: its bytes and its Content-Type (with the boundary). */
export interface EncodedForm {
  readonly body: Uint8Array;
  readonly contentType: string;
}

/**
 * The form as one buffer, byte for byte what a spec FormData of the same entries encodes to, when every file is bytes
 * in memory (Node only: it needs Buffer). Undefined when a file is a Blob: the FormData path reads those as it sends.
 * Saves the Blob copy and the stream re-encoding of a FormData; a small upload is then one write.
 */
export function encodeForm(fields: Readonly<Record<string, UploadField>>, files: Readonly<Record<string, UploadFile>>): EncodedForm | undefined {
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;
  if (!NodeBuffer) return undefined;
  const parts = Object.entries(files).map(([name, file]) => ({ name, part: filePart(name, file) }));
  if (parts.some(({ part }) => !(part.data instanceof Uint8Array || part.data instanceof ArrayBuffer))) return undefined;
  const boundary = `form-data-boundary-${randomString(25)}`;
  const chunks: Uint8Array[] = [];
  for (const [name, value] of fieldEntries(fields)) {
    chunks.push(NodeBuffer.from(`--${boundary}${CRLF}Content-Disposition: form-data; name="${escapeName(name)}"${CRLF}${CRLF}${value.replace(/\r?\n|\r\n?/g, CRLF)}${CRLF}`));
  }
  for (const { name, part } of parts) {
    const filename = part.filename ? `; filename="${escapeName(part.filename)}"` : '';
    const type = blobType(part.contentType) || 'application/octet-stream';
    chunks.push(NodeBuffer.from(`--${boundary}${CRLF}Content-Disposition: form-data; name="${escapeName(name)}"${filename}${CRLF}Content-Type: ${type}${CRLF}${CRLF}`));
    const data = part.data as Uint8Array | ArrayBuffer;
    chunks.push(data instanceof Uint8Array ? data : new Uint8Array(data));
    chunks.push(NodeBuffer.from(CRLF));
  }
  chunks.push(NodeBuffer.from(`--${boundary}--${CRLF}`));
  return { body: NodeBuffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Names are escaped as FormData encoders do. */
function escapeName(name: string): string {
  return name.replace(/[\r\n"]/g, (match) => ({ '\r': '%0D', '\n': '%0A', '"': '%22' })[match] ?? match);
}

/** The type a Blob made with this type would have: lower case, or '' when it holds characters outside U+0020-U+007E. */
function blobType(type: string | undefined): string {
  if (!type || !/^[\x20-\x7e]*$/.test(type)) return '';
  return type.toLowerCase();
}

function randomString(length: number): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => BOUNDARY_ALPHABET[byte % BOUNDARY_ALPHABET.length]).join('');
}
