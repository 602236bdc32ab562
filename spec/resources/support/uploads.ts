import { testEnv } from '../../support/test-env.js';

/**
 * Uploads `content` to the emulator's Upload API (`POST base/`) with a raw multipart fetch, independent of the
 * library's upload code, and returns the new file's UUID.
 */
export async function uploadTestFile(
  content: string | Uint8Array<ArrayBuffer> = `hello ${Math.random()}`,
  options: { filename?: string; store?: boolean; url?: string; type?: string } = {},
): Promise<string> {
  const form = new FormData();
  form.append('UPLOADCARE_PUB_KEY', 'demopublickey');
  form.append('UPLOADCARE_STORE', options.store ? '1' : '0');
  form.append('file', new Blob([content], { type: options.type ?? 'text/plain' }), options.filename ?? 'hello.txt');
  const response = await fetch(`${options.url ?? testEnv().emulatorUrl}/base/`, { method: 'POST', body: form });
  if (!response.ok) throw new Error(`Upload failed: ${response.status} ${await response.text()}`);
  const answer = (await response.json()) as { file: string };
  return answer.file;
}

/** Uploads `count` small files, one after the other, and returns their UUIDs in upload order. */
export async function uploadTestFiles(count: number, options: { store?: boolean; url?: string } = {}): Promise<string[]> {
  const uuids: string[] = [];
  for (let i = 0; i < count; i++) uuids.push(await uploadTestFile(`file ${i} ${Math.random()}`, { ...options, filename: `f${i}.txt` }));
  return uuids;
}

/** A 1x1 PNG, for image specs. */
export const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
