import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { DiskBlobStore } from '../../lib/state/disk-blob-store.js';
import { request } from 'node:http';
import { baseUploadForm, eventually, SLOW_SPEC_MS } from './support.js';

const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');

async function* chunksOf(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield Buffer.from(part);
}

async function readAll(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString();
}

async function upload(emulator: RunningEmulator, filename: string, content: Buffer): Promise<string> {
  const form = baseUploadForm('demopublickey', filename, content);
  const answer = await fetch(`${emulator.url}/base/?jsonerrors=1`, {
    method: 'POST',
    headers: { 'Content-Type': form.contentType },
    body: new Uint8Array(form.body),
  });
  expect(answer.status).toBe(200);
  const { file } = (await answer.json()) as { file: string };
  return file;
}

describe('emulator persistence (--data-dir)', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxuc-emulator-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('DiskBlobStore', () => {
    it('streams blobs to files it can read whole, by range, concatenated and delete', async () => {
      const blobs = await DiskBlobStore.open(dir);
      const first = await blobs.write(chunksOf('hello ', 'world'));
      const second = await blobs.write(chunksOf('!'));
      expect(first.size).toBe(11);
      expect(await readAll(blobs.read(first.id))).toBe('hello world');
      expect(await readAll(blobs.read(first.id, { start: 6, end: 10 }))).toBe('world');
      const joined = await blobs.concat([first.id, second.id]);
      expect(await readAll(blobs.read(joined.id))).toBe('hello world!');
      expect(blobs.size(joined.id)).toBe(12);
      await blobs.delete(first.id);
      expect(blobs.size(first.id)).toBeUndefined();
      expect(() => blobs.read(first.id)).toThrowError(/No blob/);
      expect((await readdir(join(dir, 'blobs'))).sort()).toEqual([second.id, joined.id].sort());
    });

    it('leaves nothing behind when the source fails mid-way', async () => {
      const blobs = await DiskBlobStore.open(dir);
      async function* failing(): AsyncGenerator<Uint8Array> {
        yield Buffer.from('half a file');
        throw new Error('client went away');
      }
      await expectAsync(blobs.write(failing())).toBeRejectedWithError('client went away');
      expect(await readdir(join(dir, 'blobs'))).toEqual([]);
      expect(await readdir(join(dir, 'tmp'))).toEqual([]);
      expect(blobs.ids()).toEqual([]);
    });

    it('discards interrupted writes and finds complete blobs when reopened', async () => {
      const blobs = await DiskBlobStore.open(dir);
      const kept = await blobs.write(chunksOf('kept'));
      await writeFile(join(dir, 'tmp', 'interrupted'), 'half');
      const reopened = await DiskBlobStore.open(dir);
      expect(await readdir(join(dir, 'tmp'))).toEqual([]);
      expect(reopened.ids()).toEqual([kept.id]);
      expect(reopened.size(kept.id)).toBe(4);
    });
  });

  it('keeps files, groups, webhooks and bytes across a restart', async () => {
    const content = Buffer.from('persisted bytes '.repeat(1000));
    const first = await startEmulator({ port: 0, dataDir: dir });
    const uuid = await upload(first, 'kept.txt', content);
    const group = await fetch(`${first.url}/group/?jsonerrors=1&pub_key=demopublickey&files[0]=${uuid}`, { method: 'POST' });
    expect(group.status).toBe(200);
    const { id: groupId } = (await group.json()) as { id: string };
    const now = new Date('2026-01-02T03:04:05.000Z');
    const webhook = first.store.addWebhook({
      projectKey: 'demopublickey',
      targetUrl: 'http://127.0.0.1:9/hook',
      event: 'file.uploaded',
      isActive: true,
      signingSecret: null,
      created: now,
      updated: now,
    });
    const file = first.store.fileByUuid(uuid);
    await first.close();

    const second = await startEmulator({ port: 0, dataDir: dir });
    try {
      expect(second.store.fileByUuid(uuid)).toEqual(file);
      expect(second.store.groupById(groupId)?.files.map((member) => member.uuid)).toEqual([uuid]);
      expect(second.store.webhook('demopublickey', webhook.id)).toEqual(webhook);
      const served = await fetch(`${second.url}/${uuid}/`);
      expect(served.status).toBe(200);
      expect(md5(new Uint8Array(await served.arrayBuffer()))).toBe(md5(content));
    } finally {
      await second.close();
    }
  }, SLOW_SPEC_MS);

  it('answers an upload only once its record is on disk', async () => {
    const emulator = await startEmulator({ port: 0, dataDir: dir });
    try {
      const uuid = await upload(emulator, 'durable.txt', Buffer.from('durable'));
      const journal = (await readFile(join(dir, 'journal.ndjson'), 'utf8')).trim().split('\n');
      const entries = journal.map((line) => JSON.parse(line) as { op: string; collection: string; record: { uuid: string } });
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) expect([entry.op, entry.collection, entry.record.uuid]).toEqual(['put', 'files', uuid]);
    } finally {
      await emulator.close();
    }
  }, SLOW_SPEC_MS);

  it('deletes blobs that no record owns when it starts', async () => {
    const emulator = await startEmulator({ port: 0, dataDir: dir });
    const uuid = await upload(emulator, 'owned.txt', Buffer.from('owned'));
    const orphan = await emulator.store.blobs.write(chunksOf('no record points here'));
    await emulator.close();
    const restarted = await startEmulator({ port: 0, dataDir: dir });
    try {
      expect(restarted.store.blobs.size(orphan.id)).toBeUndefined();
      expect(await readdir(join(dir, 'blobs'))).toEqual([restarted.store.fileByUuid(uuid)?.blobId ?? 'missing']);
    } finally {
      await restarted.close();
    }
  }, SLOW_SPEC_MS);

  it('seeds an empty data dir once, and keeps the seeds on restart', async () => {
    const first = await startEmulator({ port: 0, dataDir: dir, seedFiles: 12 });
    const seeded = first.store.filesOf('demopublickey');
    await first.close();
    const second = await startEmulator({ port: 0, dataDir: dir, seedFiles: 12 });
    try {
      expect(seeded.length).toBe(12);
      expect(second.store.filesOf('demopublickey')).toEqual(seeded);
      expect((await readdir(join(dir, 'blobs'))).length).toBe(12);
    } finally {
      await second.close();
    }
  }, SLOW_SPEC_MS);

  it('leaves no blob behind when the client gives up in the middle of an upload', async () => {
    const emulator = await startEmulator({ port: 0, dataDir: dir });
    try {
      const form = baseUploadForm('demopublickey', 'abandoned.bin', Buffer.alloc(2 * 1024 * 1024, 7));
      const upload = request(`${emulator.url}/base/?jsonerrors=1`, {
        method: 'POST',
        headers: { 'Content-Type': form.contentType, 'Content-Length': form.body.length },
        agent: false,
      });
      upload.on('error', () => undefined);
      upload.write(form.body.subarray(0, 512 * 1024));
      await eventually(async () => (await readdir(join(dir, 'tmp'))).length, (count) => count === 1, 'the upload to stream to disk');
      upload.destroy();
      const [entry] = await eventually(
        () => emulator.requests.list(),
        (entries) => entries[0]?.endedAt != null,
        'the abandoned upload to end',
      );
      expect(entry).toEqual(jasmine.objectContaining({ path: '/base/', abortedByClient: true, droppedByServer: false }));
      await eventually(async () => (await readdir(join(dir, 'tmp'))).length, (count) => count === 0, 'the partial blob to go');
      expect(await readdir(join(dir, 'blobs'))).toEqual([]);
      expect(emulator.store.filesOf('demopublickey')).toEqual([]);
    } finally {
      await emulator.close();
    }
  }, SLOW_SPEC_MS);

  it('drops a torn last journal line (an append cut by a crash) and refuses a corrupt one before it', async () => {
    const first = await startEmulator({ port: 0, dataDir: dir });
    const uuid = await upload(first, 'before-the-tear.txt', Buffer.from('kept'));
    await first.close();
    const journalPath = join(dir, 'journal.ndjson');
    const kept = await readFile(journalPath, 'utf8');
    await writeFile(journalPath, `${kept}{"seq":99,"op":"put","collection":"fil`);
    const second = await startEmulator({ port: 0, dataDir: dir });
    try {
      expect(second.store.fileByUuid(uuid)?.filename).toBe('before-the-tear.txt');
      expect(await readFile(journalPath, 'utf8')).toBe('');
    } finally {
      await second.close();
    }
    await writeFile(journalPath, `{"seq":1,"op":"pu\n{"seq":2,"op":"delete","collection":"groups","key":"x"}\n`);
    await expectAsync(startEmulator({ port: 0, dataDir: dir })).toBeRejectedWithError(/journal line 1 is corrupt/);
  }, SLOW_SPEC_MS);

  it('replays the journal over the snapshot on start, and folds a large journal into a new snapshot', async () => {
    const journalBytes = async (): Promise<number> => (await readFile(join(dir, 'journal.ndjson'))).length;
    const first = await startEmulator({ port: 0, dataDir: dir });
    const uuid = await upload(first, 'busy.txt', Buffer.from('busy'));
    for (let i = 0; i < 3000; i++) first.store.updateFile(uuid, { metadata: { round: String(i), pad: 'x'.repeat(300) } });
    await first.close();
    expect(await journalBytes()).toBeGreaterThan(1024 * 1024);

    const second = await startEmulator({ port: 0, dataDir: dir });
    expect(second.store.fileByUuid(uuid)?.metadata['round']).toBe('2999');
    expect(await journalBytes()).toBe(0);
    for (let i = 0; i < 3000; i++) second.store.updateFile(uuid, { metadata: { round: `again ${i}`, pad: 'y'.repeat(300) } });
    await eventually(journalBytes, (bytes) => bytes > 1024 * 1024, 'the big batch to reach the journal');
    second.store.updateFile(uuid, { metadata: { round: 'last' } });
    await second.close();
    const state = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as { files: { metadata: Record<string, string> }[] };
    expect(state.files.map((file) => file.metadata)).toEqual([{ round: 'last' }]);
    expect(await journalBytes()).toBe(0);

    const third = await startEmulator({ port: 0, dataDir: dir });
    try {
      expect(third.store.fileByUuid(uuid)?.metadata).toEqual({ round: 'last' });
    } finally {
      await third.close();
    }
  }, SLOW_SPEC_MS);

  it('refuses a state file it did not write', async () => {
    await writeFile(join(dir, 'state.json'), '{"files": []}');
    await expectAsync(startEmulator({ port: 0, dataDir: dir })).toBeRejectedWithError(/format marker/);
  });
});
