import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { builtCli, type CliRun, lines, runCli, spawnCli, tempDir, useCliTimeout } from './support/built-cli.js';
import { GateProxy } from './support/gate-proxy.js';
import { startSourceServer, type SourceServer } from './support/source-server.js';

// Every command of the BUILT CLI (tsc with tsconfig.cjs.json, see support/built-cli.ts), run as a child process
// against an emulator started here. The emulator is on loopback, so `--api_base` alone is enough: the CLI fills in
// the other bases and the demo keys.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('ucare (built) against the emulator', () => {
  useCliTimeout();
  let emulator: RunningEmulator;
  let source: SourceServer;
  let work: string;
  const ucare = (...args: string[]): Promise<CliRun> => runCli(['--api_base', `${emulator.url}/`, ...args], { cwd: work });
  const json = (run: CliRun): Record<string, unknown>[] => lines(run.stdout).map((line) => JSON.parse(line) as Record<string, unknown>);
  const localFile = (name: string, content: string | Buffer): string => {
    writeFileSync(join(work, name), content);
    return name;
  };
  const uploadOne = async (name: string, ...flags: string[]): Promise<string> => {
    const run = await ucare('--json', 'upload', ...flags, localFile(name, `content of ${name}\n`));
    expect(run.code).withContext(run.stderr).toBe(0);
    return json(run)[0]?.['uuid'] as string;
  };

  beforeAll(async () => {
    await builtCli();
    emulator = await startEmulator({ port: 0 });
    source = await startSourceServer();
    work = tempDir();
  }, 180_000);

  afterAll(async () => {
    await Promise.all([emulator?.close(), source?.close()]);
  });

  describe('upload', () => {
    it('uploads files one by one and prints "<uuid>  <file>" each, with no progress bar when stderr is a pipe', async () => {
      const run = await ucare('upload', localFile('a.txt', 'aaa'), localFile('b.txt', 'bbbb'));
      expect(run.code).withContext(run.stderr).toBe(0);
      const printed = lines(run.stdout).map((line) => line.split('  '));
      expect(printed.map(([, name]) => name)).toEqual(['a.txt', 'b.txt']);
      for (const [uuid] of printed) expect(uuid).toMatch(UUID);
      expect(run.stderr).toBe('');
    });

    it('uploads a large file in parts (multipart) and the file has every byte', async () => {
      const size = 11 * 1024 * 1024;
      const big = Buffer.alloc(size, 7);
      const run = await ucare('--json', 'upload', localFile('big.bin', big));
      expect(run.code).withContext(run.stderr).toBe(0);
      const uuid = json(run)[0]?.['uuid'] as string;
      const info = json(await ucare('--json', 'get', uuid))[0] as { size: number; original_filename: string };
      expect(info.size).toBe(size);
      expect(info.original_filename).toBe('big.bin');
      const starts = emulator.requests.list().filter((entry) => entry.path.startsWith('/multipart/start/'));
      expect(starts.length).toBeGreaterThan(0);
    });

    it('--store --info --cdnurl stores the file and prints its info and CDN URL', async () => {
      const run = await ucare('upload', '--store', '--info', '--cdnurl', localFile('c.txt', 'cc'));
      expect(run.code).withContext(run.stderr).toBe(0);
      expect(run.stdout).toMatch(/CDN url: http:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]{36}\//);
      expect(run.stdout).toMatch(/filename:\s+c\.txt/);
      expect(run.stdout).toMatch(/stored:\s+\d{4}-/);
    });

    it('--nostore leaves the file temporary', async () => {
      const uuid = await uploadOne('temp.txt', '--nostore');
      const info = json(await ucare('--json', 'get', uuid))[0];
      expect(info?.['datetime_stored']).toBeNull();
    });

    it('fails with "not found" (4) for a missing local file, before uploading anything', async () => {
      const run = await ucare('upload', localFile('ok.txt', 'x'), 'missing.txt');
      expect(run.code).toBe(4);
      expect(run.stderr).toBe('ERROR: no such file: missing.txt\n');
      expect(run.stdout).toBe('');
    });

    it('goes on past a file the server refuses, reports it, and exits non-zero with a count', async () => {
      const strict = await startEmulator({ port: 0, limits: { directUploadBytes: 10 } });
      try {
        const names = [localFile('first.txt', 'one'), localFile('too-big.txt', 'x'.repeat(20)), localFile('last.txt', 'two')];
        const run = await runCli(['--api_base', `${strict.url}/`, 'upload', ...names], { cwd: work });
        expect(run.code).not.toBe(0);
        expect(lines(run.stdout).map((line) => line.split('  ')[1])).toEqual(['first.txt', 'last.txt']);
        expect(run.stderr).toMatch(/^ERROR: not uploaded: too-big\.txt: .*too large/im);
        expect(run.stderr).toContain('ERROR: 1 of 3 files not uploaded');

        const asJson = await runCli(['--api_base', `${strict.url}/`, '--json', 'upload', ...names], { cwd: work });
        const documents = json(asJson);
        expect(documents.map((document) => [document['source'], document['ok'] ?? true])).toEqual([
          ['first.txt', true],
          ['too-big.txt', false],
          ['last.txt', true],
        ]);
        expect(asJson.code).toBe(run.code);
      } finally {
        await strict.close();
      }
    });
  });

  describe('get', () => {
    it('prints a file\'s info for a UUID or a CDN URL, as text or JSON', async () => {
      const uuid = await uploadOne('get-me.txt');
      const text = await ucare('get', uuid);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(new RegExp(`uuid:\\s+${uuid}`));
      expect(text.stdout).toMatch(/filename:\s+get-me\.txt/);
      const viaUrl = await ucare('--json', 'get', `https://ucarecdn.com/${uuid}/-/resize/10x/x.txt`);
      expect(json(viaUrl)[0]?.['uuid']).toBe(uuid);
    });

    it('exits with "not found" (4) for an unknown file and "usage" (2) for a malformed UUID', async () => {
      const missing = await ucare('get', '00000000-0000-4000-8000-000000000000');
      expect(missing.code).toBe(4);
      expect(missing.stderr).toMatch(/^ERROR: .*(not found|Not found)/);
      const malformed = await ucare('get', 'not-a-uuid');
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toMatch(/^ERROR: Couldn't find UUID/);
    });

    it('--effects shows the CDN URL with those effects, in place of the ones of PATH; bad effects are a usage error', async () => {
      const uuid = await uploadOne('effects.txt');
      const shown = await ucare('get', `https://ucarecdn.com/${uuid}/-/resize/10x/`, '--effects', 'preview/40x40/-/format/auto/');
      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(new RegExp(`cdn url:\\s+\\S+/${uuid}/-/preview/40x40/-/format/auto/\n`));
      const kept = await ucare('get', `https://ucarecdn.com/${uuid}/-/resize/10x/`);
      expect(kept.stdout).toMatch(new RegExp(`cdn url:\\s+\\S+/${uuid}/-/resize/10x/\n`));
      const bad = await ucare('get', uuid, '--effects', 'a b/');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^ERROR: Invalid effects/);
    });
  });

  describe('list / list_files', () => {
    it('lists files, one JSON document per line with --json, under both names', async () => {
      const uuid = await uploadOne('listed.txt');
      for (const name of ['list', 'list_files', 'list-files']) {
        const run = await ucare('--json', name, '--limit', '0');
        expect(run.code).withContext(run.stderr).toBe(0);
        expect(json(run).map((info) => info['uuid'])).withContext(name).toContain(uuid);
      }
      const text = await ucare('list', '--limit', '0');
      expect(text.stdout).toMatch(new RegExp(`^${uuid}\\s+\\d+ B\\s+\\d{4}-\\S+\\s+stored\\s+listed\\.txt$`, 'm'));
    });

    it('applies --stored and --limit', async () => {
      // Two stored files at least, whatever ran before (specs run in random order).
      await uploadOne('stored-1.txt');
      await uploadOne('stored-2.txt');
      const temporary = await uploadOne('not-stored.txt', '--nostore');
      const stored = json(await ucare('--json', 'list', '--stored', 'true', '--limit', '0')).map((info) => info['uuid']);
      const unstored = json(await ucare('--json', 'list', '--stored=false', '--limit', '0')).map((info) => info['uuid']);
      expect(stored).not.toContain(temporary);
      expect(unstored).toContain(temporary);
      expect(json(await ucare('--json', 'list', '--limit', '2')).length).toBe(2);
    });

    it('applies --since and --until (newest first with --until)', async () => {
      const older = await uploadOne('older.txt');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const middle = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const newer = await uploadOne('newer.txt');
      const since = json(await ucare('--json', 'list', '--since', middle, '--limit', '0')).map((info) => info['uuid']);
      const until = json(await ucare('--json', 'list', '--until', middle, '--limit', '0')).map((info) => info['uuid']);
      expect(since).toContain(newer);
      expect(since).not.toContain(older);
      expect(until).toContain(older);
      expect(until).not.toContain(newer);
      expect(until[0]).toBe(older);
    });

    it('streams: the first page is printed before the last page is requested', async () => {
      await uploadOne('page-1.txt');
      await uploadOne('page-2.txt');
      const proxy = await new GateProxy(`${emulator.url}/`).start();
      try {
        const secondPage = proxy.hold((method, path) => method === 'GET' && path.startsWith('/files/'), { nth: 2 });
        const child = await spawnCli(['--api_base', proxy.url, 'list', '--request_limit', '1', '--limit', '0'], { cwd: work });
        let stdout = '';
        const firstLine = new Promise<void>((done) =>
          child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
            stdout += chunk;
            if (stdout.includes('\n')) done();
          }),
        );
        const exited = new Promise<number | null>((done) => child.on('close', done));
        let released = false;
        const early = exited.then((code) => {
          if (!released) fail(`the CLI ended before its second page was held (exit ${code}): ${stdout}`);
        });
        await Promise.race([secondPage.reached, early]);
        await firstLine; // printed while the second page is still held: nothing is buffered until the end
        expect(lines(stdout).length).toBe(1);
        released = true;
        secondPage.release();
        expect(await exited).toBe(0);
        expect(lines(stdout).length).toBeGreaterThanOrEqual(2);
      } finally {
        await proxy.close();
      }
    });
  });

  describe('store / delete', () => {
    it('stores and deletes many files in one batch, waiting by default', async () => {
      const uuids = [await uploadOne('s1.txt', '--nostore'), await uploadOne('s2.txt', '--nostore'), await uploadOne('s3.txt', '--nostore')];
      const batchesBefore = emulator.requests.list().filter((entry) => entry.method === 'PUT' && entry.path === '/files/storage/').length;
      const stored = await ucare('store', ...uuids);
      expect(stored.code).withContext(stored.stderr).toBe(0);
      expect(lines(stored.stdout).sort()).toEqual(uuids.map((uuid) => `stored   ${uuid}`).sort());
      for (const uuid of uuids) expect(json(await ucare('--json', 'get', uuid))[0]?.['datetime_stored']).not.toBeNull();
      const batches = emulator.requests.list().filter((entry) => entry.method === 'PUT' && entry.path === '/files/storage/');
      expect(batches.length - batchesBefore).withContext('three UUIDs go in one batch request').toBe(1);

      const deleted = await ucare('--json', 'delete', '--nowait', ...uuids);
      expect(deleted.code).toBe(0);
      expect(json(deleted).map((result) => result['ok'])).toEqual([true, true, true]);
      const info = json(await ucare('--json', 'get', uuids[0] as string))[0];
      expect(info?.['datetime_removed']).not.toBeNull();
    });

    it('reports files the server refuses and exits "not found" (4)', async () => {
      const uuid = await uploadOne('exists.txt');
      const missing = '00000000-0000-4000-8000-000000000001';
      const run = await ucare('store', '--timeout', '2', uuid, missing);
      expect(run.code).toBe(4);
      expect(run.stdout).toContain(`stored   ${uuid}`);
      expect(run.stderr).toContain(`not stored: ${missing}`);
      expect(run.stderr).toContain('ERROR: 1 of 2 files not stored');
    });
  });

  describe('upload_from_url', () => {
    it('waits for the upload and prints the file; --nowait prints the token', async () => {
      const run = await ucare('upload_from_url', '--store', '--cdnurl', `${source.url}/from-url.txt`);
      expect(run.code).withContext(run.stderr).toBe(0);
      const [uuid] = (lines(run.stdout)[0] as string).split('  ');
      expect(uuid).toMatch(UUID);
      expect(run.stdout).toContain('CDN url: ');
      expect(json(await ucare('--json', 'get', uuid as string))[0]?.['original_filename']).toBe('from-url.txt');

      const nowait = await ucare('--json', 'upload_from_url', '--nowait', `${source.url}/later.txt`);
      expect(nowait.code).toBe(0);
      expect(json(nowait)[0]?.['token']).toMatch(/\S+/);
    });

    it('exits "throttled/timeout" (5) when the upload does not finish within --timeout', async () => {
      const run = await ucare('upload_from_url', '--timeout', '1', `${source.url}/never`);
      expect(run.code).toBe(5);
      expect(run.stderr).toMatch(/^ERROR: .*within 1 s/m);
    });

    it('refuses a URL that is not http(s) with "usage" (2), before any request', async () => {
      const run = await ucare('upload_from_url', 'ftp://example.com/x');
      expect(run.code).toBe(2);
    });
  });

  describe('create_group / list_groups', () => {
    it('creates a group from UUIDs and CDN URLs with effects, then lists it', async () => {
      const first = await uploadOne('g1.txt');
      const second = await uploadOne('g2.txt');
      const run = await ucare('--json', 'create_group', first, `https://ucarecdn.com/${second}/-/resize/10x/`);
      expect(run.code).withContext(run.stderr).toBe(0);
      const group = json(run)[0] as { id: string; files_count: number; file_cdn_urls: string[] };
      expect(group.id).toMatch(/^[0-9a-f-]{36}~2$/);
      expect(group.file_cdn_urls.length).toBe(2);

      const text = await ucare('create_group', first);
      expect(text.stdout).toMatch(/group id:\s+[0-9a-f-]{36}~1/);

      const listed = await ucare('--json', 'list_groups', '--limit', '0');
      expect(listed.code).toBe(0);
      expect(json(listed).map((entry) => entry['id'])).toContain(group.id);
      const human = await ucare('list_groups', '--limit', '0');
      expect(human.stdout).toMatch(new RegExp(`^${group.id.replace('~', '~')}\\s+2 files\\s+\\d{4}-`, 'm'));
    });

    it('refuses an empty or malformed member with "usage" (2)', async () => {
      expect((await ucare('create_group', 'nope')).code).toBe(2);
      expect((await ucare('create_group')).code).toBe(2);
    });
  });

  describe('sync', () => {
    it('downloads listed files to a pattern, skipping existing ones unless --replace', async () => {
      const uuid = await uploadOne('synced.txt');
      const target = tempDir();
      const first = await runCli(['--api_base', `${emulator.url}/`, 'sync', '--uuids', uuid, '--', 'out/${uuid}/${filename}'], { cwd: target });
      expect(first.code).withContext(first.stderr).toBe(0);
      expect(first.stdout).toBe(`${uuid}  out/${uuid}/synced.txt\n`);
      const again = await runCli(['--api_base', `${emulator.url}/`, 'sync', 'out/${uuid}/${filename}', '--uuids', uuid], { cwd: target });
      expect(again.stderr).toContain('exists (use --replace)');
      const replaced = await runCli(['--api_base', `${emulator.url}/`, 'sync', 'out/${uuid}/${filename}', '--replace', '--uuids', uuid], { cwd: target });
      expect(replaced.stdout).toContain(uuid);
    });
  });

  describe('sync, concurrently', () => {
    it('downloads up to --concurrency files at once', async () => {
      const uuids: string[] = [];
      for (const name of ['c1.txt', 'c2.txt', 'c3.txt', 'c4.txt', 'c5.txt', 'c6.txt']) uuids.push(await uploadOne(name));
      const before = emulator.requests.list().length;
      // Each CDN read (not the info requests) takes 500 ms, so downloads that run at once overlap in the emulator's log.
      const slow = uuids.map((uuid) => emulator.faults.add({ kind: 'latency', latencyMs: 500, methods: ['GET'], pathPrefix: `/${uuid}/` }));
      try {
        const run = await runCli(['--api_base', `${emulator.url}/`, 'sync', '--concurrency', '3', '--uuids', ...uuids, '--', 'c/${filename}'], { cwd: tempDir() });
        expect(run.code).withContext(run.stderr).toBe(0);
      } finally {
        for (const rule of slow) emulator.faults.remove(rule.id);
      }
      const reads = emulator.requests.list().slice(before).filter((entry) => entry.method === 'GET' && uuids.some((uuid) => entry.path.startsWith(`/${uuid}/`)));
      expect(reads.length).toBe(6);
      const atOnce = reads.map((read) => reads.filter((other) => other.startedAt <= read.startedAt && (other.endedAt ?? Infinity) > read.startedAt).length);
      expect(Math.max(...atOnce)).toBeGreaterThan(1);
      expect(Math.max(...atOnce)).toBeLessThanOrEqual(3);
    });
  });

  describe('sync --effects', () => {
    it('downloads renditions of images, named with the effects, from the CDN path with them', async () => {
      // A whole 1x1 PNG: the emulator's CDN decodes it to apply the effects.
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
      const run = await ucare('--json', 'upload', localFile('tiny.png', png));
      const uuid = json(run)[0]?.['uuid'] as string;
      expect(json(await ucare('--json', 'get', uuid))[0]?.['is_image']).toBeTrue();
      const target = tempDir();
      const sinceId = emulator.requests.list().at(-1)?.id ?? 0;
      const synced = await runCli(['--api_base', `${emulator.url}/`, 'sync', 'img', '--effects', 'resize/10x/-/flip/', '--uuids', uuid], { cwd: target });
      expect(synced.code).withContext(synced.stderr).toBe(0);
      expect(readdirSync(join(target, 'img'))).toEqual([`${uuid}_resize_10x_flip.png`]);
      const cdnPaths = emulator.requests.list(sinceId).map((entry) => entry.path).filter((path) => path.startsWith(`/${uuid}/`));
      expect(cdnPaths).toEqual([`/${uuid}/-/resize/10x/-/flip/`]);
    });
  });

  describe('interruption', () => {
    it('Ctrl-C aborts a sync mid-download, exits 130 and leaves no partial file', async () => {
      const uuid = await uploadOne('slow.txt');
      const rule = emulator.faults.add({ kind: 'slow-body', pathPrefix: `/${uuid}/`, bytesPerSecond: 4 });
      try {
        const target = tempDir();
        const child = await spawnCli(['--api_base', `${emulator.url}/`, 'sync', 'out', '--uuids', uuid], { cwd: target });
        let stderr = '';
        child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        const exited = new Promise<number | null>((done) => child.on('close', done));
        // The download has begun once its temporary file exists.
        for (;;) {
          const partial = existsSync(join(target, 'out')) && readdirSync(join(target, 'out')).some((name) => name.endsWith('.part'));
          if (partial) break;
          await new Promise((resume) => setTimeout(resume, 50));
        }
        child.kill('SIGINT');
        expect(await exited).toBe(130);
        expect(stderr).toContain('ERROR: interrupted');
        expect(readdirSync(join(target, 'out'))).toEqual([]);
      } finally {
        emulator.faults.remove(rule.id);
      }
    });
  });

  describe('emulator', () => {
    it('runs the emulator with its own flags until Ctrl-C, then exits 0', async () => {
      const child = await spawnCli(['emulator', '--port', '0', '--seed-files', '2'], { cwd: work });
      let stdout = '';
      const url = await new Promise<string>((done) =>
        child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
          if (found) done(found[1] as string);
        }),
      );
      const exited = new Promise<number | null>((done) => child.on('close', done));
      const listed = await runCli(['--json', '--api_base', url, 'list', '--removed', 'none'], { cwd: work });
      expect(listed.code).withContext(listed.stderr).toBe(0);
      expect(lines(listed.stdout).length).toBe(2);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    });

    it('rejects unknown emulator flags with "usage" (2)', async () => {
      const run = await ucare('emulator', '--bogus');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^ERROR: /);
    });
  });

  describe('configuration, errors and help', () => {
    it('--emulator runs a command against an in-process emulator with no keys at all', async () => {
      const run = await runCli(['--emulator', 'upload', localFile('x.txt', 'x')], { cwd: work });
      expect(run.code).withContext(run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^[0-9a-f-]{36} {2}x\.txt\n$/);
    });

    it('exits "auth" (3) for a wrong secret, never printing it', async () => {
      const secret = 'wrong-secret-value-1234';
      const run = await ucare('--secret', secret, 'list');
      expect(run.code).toBe(3);
      expect(run.stderr).toMatch(/^ERROR: /);
      expect(run.stdout + run.stderr).not.toContain(secret);
      const noKeys = await runCli(['--api_base', 'https://api.uploadcare.invalid/', 'get', '00000000-0000-4000-8000-000000000000'], { cwd: work });
      expect(noKeys.code).toBe(3);
      expect(noKeys.stderr).toContain('ERROR: no public key');
    });

    it('exits "throttled/timeout" (5) when the server throttles beyond what the client will wait', async () => {
      const throttling = await startEmulator({ port: 0, faults: { rules: [{ kind: 'throttle', retryAfterSeconds: 86_400 }] } });
      try {
        const run = await runCli(['--api_base', `${throttling.url}/`, 'list'], { cwd: work });
        expect(run.code).toBe(5);
        expect(run.stderr).toMatch(/^ERROR: /);
      } finally {
        await throttling.close();
      }
    });

    it('exits "usage" (2) with a hint for unknown commands and options', async () => {
      const command = await ucare('frobnicate');
      expect(command.code).toBe(2);
      expect(command.stderr).toBe('ERROR: unknown command "frobnicate"; run ucare --help for the list\nSee: ucare --help\n');
      const option = await ucare('list', '--colour');
      expect(option.code).toBe(2);
      expect(option.stderr).toBe('ERROR: unknown option --colour for command list\nSee: ucare list --help\n');
      expect((await ucare()).code).toBe(2);
    });

    it('has --help with an example for every command', async () => {
      const overview = await runCli(['--help']);
      expect(overview.code).toBe(0);
      const names = ['list', 'list_groups', 'get', 'store', 'delete', 'upload', 'upload_from_url', 'create_group', 'sync', 'emulator'];
      for (const name of names) {
        expect(overview.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
        const help = await runCli([name, '--help']);
        expect(help.code).withContext(name).toBe(0);
        expect(help.stdout).withContext(name).toMatch(new RegExp(`^ucare ${name} \\[options\\]`));
        expect(help.stdout).withContext(name).toMatch(new RegExp(`^Examples?:\\n {2}\\$ ucare (--\\S+ )*${name} `, 'm'));
        expect(help.stdout).withContext(name).toContain('--public_key, --public-key, --pub-key KEY');
      }
      expect((await runCli(['help', 'sync'])).stdout).toContain('${filename}');
    });
  });
});
