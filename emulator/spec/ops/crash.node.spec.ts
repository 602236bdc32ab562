import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { announcedUrl, baseUploadForm, type EmulatorProcess, eventually, SLOW_SPEC_MS, spawnEmulator } from './support.js';

const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');

describe('emulator killed with SIGKILL in the middle of an upload', () => {
  let dir: string;
  const children: EmulatorProcess[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rxuc-crash-'));
  });

  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.child.kill('SIGKILL');
      await child.exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('comes back with the complete upload intact and no trace of the half one', async () => {
    const first = await spawnEmulator(['--port', '0', '--data-dir', dir]);
    children.push(first);
    const url = await announcedUrl(first);

    const complete = randomBytes(3 * 1024 * 1024 + 17);
    const form = baseUploadForm('demopublickey', 'complete.bin', complete);
    const answer = await fetch(`${url}/base/?jsonerrors=1`, {
      method: 'POST',
      headers: { 'Content-Type': form.contentType },
      body: new Uint8Array(form.body),
    });
    expect(answer.status).toBe(200);
    const { file: uuid } = (await answer.json()) as { file: string };

    // A slow upload: the first megabyte of a 4 MiB file goes out, the rest never does.
    const half = baseUploadForm('demopublickey', 'half.bin', randomBytes(4 * 1024 * 1024));
    const slow = request(`${url}/base/?jsonerrors=1`, {
      method: 'POST',
      headers: { 'Content-Type': half.contentType, 'Content-Length': half.body.length },
      agent: false,
    });
    slow.on('error', () => undefined);
    slow.write(half.body.subarray(0, 1024 * 1024));
    await eventually(
      async () => (await readdir(join(dir, 'tmp'))).length,
      (count) => count === 1,
      'the half upload to stream into a temporary blob',
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    slow.destroy();

    const second = await spawnEmulator(['--port', '0', '--data-dir', dir]);
    children.push(second);
    const restartedUrl = await announcedUrl(second);
    expect(second.stdout()).toContain('(1 files)');

    const served = await fetch(`${restartedUrl}/${uuid}/`);
    expect(served.status).toBe(200);
    expect(md5(new Uint8Array(await served.arrayBuffer()))).toBe(md5(complete));

    const state = JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as { files: { uuid: string; filename: string }[] };
    expect(state.files.map((file) => [file.uuid, file.filename])).toEqual([[uuid, 'complete.bin']]);
    expect((await readdir(join(dir, 'blobs'))).length).toBe(1);
    expect(await readdir(join(dir, 'tmp'))).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['blobs', 'journal.ndjson', 'state.json', 'tmp']);
    expect(await readFile(join(dir, 'journal.ndjson'), 'utf8')).toBe('');
  }, SLOW_SPEC_MS);
});
