import { InvalidParamError } from '../errors.js';
import type { UploadField, UploadFile, UploadFilePart } from './types.js';

/** Endpoints that read the public key as `UPLOADCARE_PUB_KEY` (the others read `pub_key`). */
const UPPERCASE_KEY_ENDPOINTS = /^(base|multipart)\//;

/** The public-key field name the Upload API endpoint at `path` expects. */
export function publicKeyField(path: string): 'UPLOADCARE_PUB_KEY' | 'pub_key' {
  return UPPERCASE_KEY_ENDPOINTS.test(path.replace(/^\/+/, '')) ? 'UPLOADCARE_PUB_KEY' : 'pub_key';
}

/** The fields as [name, value] pairs: arrays repeat the name, undefined fields are left out. */
export function fieldEntries(fields: Readonly<Record<string, UploadField>>): [string, string][] {
  return Object.entries(fields).flatMap(([name, value]): [string, string][] => {
    if (value === undefined) return [];
    const values = Array.isArray(value) ? (value as readonly (string | number)[]) : [value as string | number];
    return values.map((item) => [name, String(item)]);
  });
}

/** A multipart form with the fields and the files. */
export function uploadFormData(fields: Readonly<Record<string, UploadField>>, files: Readonly<Record<string, UploadFile>>): FormData {
  const form = new FormData();
  for (const [name, value] of fieldEntries(fields)) form.append(name, value);
  for (const [name, file] of Object.entries(files)) {
    const part = filePart(name, file);
    const blob = part.data instanceof Blob ? part.data : new Blob([part.data as BlobPart], { type: part.contentType ?? 'application/octet-stream' });
    form.append(name, blob, part.filename);
  }
  return form;
}

/** One file of a form as a part, its filename settled (the given one, a File's own name, else the field name). */
export function filePart(name: string, file: UploadFile): UploadFilePart & { readonly filename: string } {
  const part = asPart(file);
  return { ...part, filename: part.filename ?? (file instanceof Blob && 'name' in file ? String(file.name) : name) };
}

function asPart(file: UploadFile): UploadFilePart {
  if (file instanceof Blob || file instanceof Uint8Array || file instanceof ArrayBuffer) return { data: file };
  if (typeof file === 'object' && file !== null && 'data' in file) return file;
  throw new InvalidParamError('An upload file must be a Blob, a Uint8Array, an ArrayBuffer or { data, filename?, contentType? }');
}
