import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { Journal } from '../../lib/state/journal.js';
import { startHookReceiver } from '../rest/support/hook-receiver.js';
import { rest } from '../rest/support/signed-fetch.js';
import { postForm, waitForFromUrl } from '../upload/upload-api-helpers.js';
import { baseUploadForm, eventually, rawRequest, SLOW_SPEC_MS, type RawAnswer } from './support.js';

// --data-dir under a failing disk (issue 13, item 6): the journal's appends are made to fail the way a full disk
// fails them (ENOSPC), which a root-run test cannot get from file permissions.

function diskFull(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

function upload(emulator: RunningEmulator, filename: string): Promise<RawAnswer> {
  const form = baseUploadForm('demopublickey', filename, Buffer.from(`bytes of ${filename}`));
  return rawRequest(`${emulator.url}/base/?jsonerrors=1`, { method: 'POST', headers: { 'Content-Type': form.contentType }, body: form.body });
}

function uuidOf(answer: RawAnswer): string {
  if (answer.kind !== 'answer' || answer.status !== 200) throw new Error(`Upload failed: ${JSON.stringify(answer)}`);
  return (JSON.parse(answer.body.toString()) as { file: string }).file;
}

async function listedUuids(emulator: RunningEmulator): Promise<string[]> {
  const answer = await rest(emulator.url, { path: '/files/?limit=100' });
  expect(answer.status).toBe(200);
  return (answer.body as { results: { uuid: string }[] }).results.map((file) => file.uuid);
}

describe('emulator persistence when the disk fails (--data-dir)', () => {
  let dir: string;
  let emulator: RunningEmulator | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxuc-disk-fail-'));
  });

  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('fails the upload whose record cannot be written with a 5xx, and keeps it out of memory as it is out of the disk', async () => {
    emulator = await startEmulator({ port: 0, dataDir: dir });
    const kept = uuidOf(await upload(emulator, 'before.txt'));
    await listedUuids(emulator); // the listing index exists before the failure, so it has to follow the undo
    const append = spyOn(Journal.prototype, 'append').and.rejectWith(diskFull());

    const failed = await upload(emulator, 'lost.txt');
    expect(failed.kind === 'answer' ? failed.status : failed.code).toBe(500);
    expect(emulator.store.filesOf('demopublickey').map((file) => file.filename)).toEqual(['before.txt']);
    expect(await listedUuids(emulator)).toEqual([kept]);
    const blobs = await eventually(() => readdir(join(dir, 'blobs')), (names) => names.length === 1, 'the undone upload\'s blob to go');
    expect(blobs).toEqual([emulator.store.fileByUuid(kept)?.blobId ?? 'missing']);

    append.and.callThrough();
    const recovered = uuidOf(await upload(emulator, 'after.txt'));
    expect((await listedUuids(emulator)).sort()).toEqual([kept, recovered].sort());
    await emulator.close();

    emulator = await startEmulator({ port: 0, dataDir: dir });
    expect(emulator.store.filesOf('demopublickey').map((file) => file.filename)).toEqual(['before.txt', 'after.txt']);
  }, SLOW_SPEC_MS);

  it('undoes a REST change that cannot be written, and answers it with a 5xx', async () => {
    emulator = await startEmulator({ port: 0, dataDir: dir });
    const uuid = uuidOf(await upload(emulator, 'meta.txt'));
    const append = spyOn(Journal.prototype, 'append').and.rejectWith(diskFull());
    const failed = await rest(emulator.url, { method: 'PUT', path: `/files/${uuid}/metadata/colour/`, body: 'red' });
    expect(failed.status).toBe(500);
    expect(emulator.store.fileByUuid(uuid)?.metadata).toEqual({});
    append.and.callThrough();
    const done = await rest(emulator.url, { method: 'PUT', path: `/files/${uuid}/metadata/colour/`, body: 'blue' });
    expect(done.status).toBe(200);
    await emulator.close();
    emulator = await startEmulator({ port: 0, dataDir: dir });
    expect(emulator.store.fileByUuid(uuid)?.metadata).toEqual({ colour: 'blue' });
  }, SLOW_SPEC_MS);

  it('repairs the disk after a failure that left the snapshot ahead of memory (journal not cleared)', async () => {
    emulator = await startEmulator({ port: 0, dataDir: dir });
    const append = spyOn(Journal.prototype, 'append').and.rejectWith(diskFull());
    expect((await upload(emulator, 'first-lost.txt')).kind).toBe('answer');
    append.and.callThrough();
    // The write after a failure is a whole snapshot; its last step (emptying the journal) fails here, after the
    // snapshot with the new upload was renamed into place.
    const clear = spyOn(Journal.prototype, 'clear').and.rejectWith(diskFull());
    const failed = await upload(emulator, 'second-lost.txt');
    expect(failed.kind === 'answer' ? failed.status : failed.code).toBe(500);
    expect(emulator.store.filesOf('demopublickey')).toEqual([]);
    clear.and.callThrough();
    await emulator.close();
    emulator = await startEmulator({ port: 0, dataDir: dir });
    expect(emulator.store.filesOf('demopublickey')).toEqual([]);
  }, SLOW_SPEC_MS);

  it('announces no webhook for an upload that was undone, and announces the next one', async () => {
    const receiver = await startHookReceiver();
    try {
      emulator = await startEmulator({ port: 0, dataDir: dir });
      const created = await rest(emulator.url, {
        method: 'POST',
        path: '/webhooks/',
        body: { target_url: `${receiver.url}/hook`, event: 'file.uploaded', is_active: true },
      });
      expect(created.status).toBe(201);
      const append = spyOn(Journal.prototype, 'append').and.rejectWith(diskFull());
      const undone = await upload(emulator, 'unannounced.txt');
      expect(undone.kind === 'answer' ? undone.status : undone.code).toBe(500);
      append.and.callThrough();
      const announced = uuidOf(await upload(emulator, 'announced.txt'));
      const delivered: string[] = [];
      while (!delivered.includes(announced)) {
        delivered.push((JSON.parse((await receiver.next()).body.toString()) as { data: { uuid: string } }).data.uuid);
      }
      expect(delivered).toEqual([announced]);
    } finally {
      await receiver.close();
    }
  }, SLOW_SPEC_MS);

  it('reports a from_url upload undone by a failed write as an error, never as a success', async () => {
    const source = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/plain' }).end('from a URL'));
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    try {
      emulator = await startEmulator({ port: 0, dataDir: dir });
      const append = spyOn(Journal.prototype, 'append').and.rejectWith(diskFull());
      const started = await postForm('/from_url/?jsonerrors=1', { pub_key: 'demopublickey', source_url: `http://127.0.0.1:${(source.address() as AddressInfo).port}/a.txt` }, emulator.url);
      const states = await waitForFromUrl(started.json['token'] as string, emulator.url);
      append.and.callThrough();
      expect(states.map((state) => state['status'])).not.toContain('success');
      expect(states[states.length - 1]).toEqual({ status: 'error', error: 'Internal error.', error_code: 'UploadAPIError' });
      expect(emulator.store.filesOf('demopublickey')).toEqual([]);
    } finally {
      source.closeAllConnections();
      await new Promise((resolve) => source.close(resolve));
    }
  }, SLOW_SPEC_MS);
});
