import type { FileRecord, GroupRecord } from '../../../lib/index.js';
import type { RunningEmulator } from '../../../lib/server.js';

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * Puts a file straight into an emulator's store (uploads are another part of the emulator; these specs test the
 * REST side on known state). Fields not given get plausible values.
 */
export async function addFile(emulator: RunningEmulator, fields: Partial<FileRecord> = {}): Promise<FileRecord> {
  const bytes = Buffer.from(fields.filename ?? 'hello, emulator\n');
  const blob = await emulator.store.blobs.write(once(bytes));
  return emulator.store.addFile({
    uuid: emulator.store.newUuid(),
    projectKey: 'demopublickey',
    filename: 'hello.txt',
    size: blob.size,
    mimeType: 'text/plain',
    blobId: blob.id,
    datetimeUploaded: new Date(),
    datetimeStored: null,
    datetimeRemoved: null,
    metadata: {},
    tags: [],
    appdata: null,
    source: null,
    imageInfo: null,
    ...fields,
  });
}

export function addGroup(emulator: RunningEmulator, files: readonly FileRecord[], created = new Date()): GroupRecord {
  return emulator.store.addGroup({
    id: `${emulator.store.newUuid()}~${files.length}`,
    projectKey: files[0]?.projectKey ?? 'demopublickey',
    files: files.map((file) => ({ uuid: file.uuid, effects: '' })),
    datetimeCreated: created,
    datetimeStored: null,
  });
}
