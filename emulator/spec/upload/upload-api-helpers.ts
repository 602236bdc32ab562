import { testEnv } from '../../../spec/support/test-env.js';

/** Helpers shared by the Upload API specs; isomorphic (fetch, FormData and Blob exist in Node 20 and browsers). */

export const PUBLIC_KEY = 'demopublickey';

/** A form value: text, or bytes sent as a file part with a name and type. */
export type FormValue = string | { readonly bytes: Uint8Array<ArrayBuffer> | Blob; readonly filename: string; readonly type?: string };

export interface JsonAnswer {
  readonly status: number;
  readonly contentType: string | null;
  readonly json: Record<string, unknown>;
}

/** POSTs a multipart form to an Upload API path of `base` (default the suite's emulator). */
export async function postForm(path: string, fields: Readonly<Record<string, FormValue>>, base = testEnv().emulatorUrl): Promise<JsonAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else {
      const blob = value.bytes instanceof Blob ? value.bytes : new Blob([value.bytes], { type: value.type ?? 'application/octet-stream' });
      form.append(name, blob, value.filename);
    }
  }
  return answerOf(await fetch(`${base}${path}`, { method: 'POST', body: form }));
}

/** GETs an Upload API path with query parameters. */
export async function getJson(path: string, query: Readonly<Record<string, string>>, base = testEnv().emulatorUrl): Promise<JsonAnswer> {
  return answerOf(await fetch(`${base}${path}?${new URLSearchParams(query).toString()}`));
}

async function answerOf(response: Response): Promise<JsonAnswer> {
  const text = await response.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = { text };
  }
  return { status: response.status, contentType: response.headers.get('content-type'), json };
}

/** Uploads `bytes` with `/base/` and returns the new file's UUID. */
export async function uploadBytes(bytes: Uint8Array<ArrayBuffer>, filename = 'bytes.bin', type = 'application/octet-stream', extra: Readonly<Record<string, string>> = {}): Promise<string> {
  const answer = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, ...extra, file: { bytes, filename, type } });
  if (answer.status !== 200) throw new Error(`upload failed: ${answer.status} ${JSON.stringify(answer.json)}`);
  return answer.json['file'] as string;
}

/** Deterministic pseudo-random bytes. */
export function patternBytes(length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The exact keys of the Upload API's file info. */
export const FILE_INFO_KEYS = [
  'content_info',
  'done',
  'file_id',
  'filename',
  'image_info',
  'is_image',
  'is_ready',
  'is_stored',
  'metadata',
  'mime_type',
  'original_filename',
  'size',
  'total',
  'uuid',
  'video_info',
];

/** Asserts the Upload API file-info shape field by field, for a file of `size` bytes named `filename`. */
export function expectFileInfo(info: Record<string, unknown>, expected: { uuid?: string; size: number; filename: string; mimeType: string; stored?: boolean; metadata?: Record<string, string> }): void {
  expect(Object.keys(info).filter((key) => key !== 'status' && key !== 'type' && key !== 'default_effects').sort()).toEqual(FILE_INFO_KEYS);
  expect(info['uuid']).toMatch(UUID_PATTERN);
  if (expected.uuid) expect(info['uuid']).toBe(expected.uuid);
  expect(info['file_id']).toBe(info['uuid']);
  expect(info['size']).toBe(expected.size);
  expect(info['total']).toBe(expected.size);
  expect(info['done']).toBe(expected.size);
  expect(info['original_filename']).toBe(expected.filename);
  expect(typeof info['filename']).toBe('string');
  expect(info['mime_type']).toBe(expected.mimeType);
  expect(info['is_ready']).toBeTrue();
  expect(info['is_stored']).toBe(expected.stored ?? true);
  expect(info['video_info']).toBeNull();
  expect(info['metadata']).toEqual(expected.metadata ?? {});
  const [type, subtype] = expected.mimeType.split('/');
  expect((info['content_info'] as { mime: unknown }).mime).toEqual({ mime: expected.mimeType, type, subtype });
}

/** The signature, IHDR and IEND of a 3x2 RGBA PNG: all the emulator reads of an image. */
export const PNG_3X2 = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x03,
  0x00, 0x00, 0x00, 0x02, 0x08, 0x06, 0x00, 0x00, 0x00, 0x9d, 0x74, 0x66, 0x1a, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
]);

/** Polls `/from_url/status/` until the task leaves `waiting`/`progress`; returns every answer seen. */
export async function waitForFromUrl(token: string, base = testEnv().emulatorUrl): Promise<Record<string, unknown>[]> {
  const seen: Record<string, unknown>[] = [];
  for (let attempt = 0; attempt < 500; attempt++) {
    const { json } = await getJson('/from_url/status/', { token, jsonerrors: '1' }, base);
    seen.push(json);
    if (json['status'] !== 'waiting' && json['status'] !== 'progress') return seen;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`from_url task ${token} did not finish`);
}
