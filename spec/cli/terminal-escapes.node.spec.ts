import { readdirSync } from 'node:fs';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { builtCli, type CliRun, lines, runCli, tempDir, useCliTimeout } from './support/built-cli.js';
import { startSourceServer, type SourceServer } from './support/source-server.js';

/** What a terminal acts on: C0 but line feed, DEL, C1, bidirectional embeddings, overrides and isolates. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/; // eslint-disable-line no-control-regex

// Issue 13 item 7: a file name that sets the title, clears the screen and writes the clipboard (OSC 0, CSI 2J,
// OSC 52), with a C1 CSI and a right-to-left override. It reaches the emulator as it would reach Uploadcare: the
// service names a file fetched from a URL after the URL's last segment, percent-decoded.
const HOSTILE_NAME = '\x1b]0;pwned\x07\x1b[2J\x1b]52;c;cHduZWQ=\x07\u009b31m\u202etxt.exe';
const HOSTILE_SEGMENT = encodeURIComponent(HOSTILE_NAME);

describe('ucare prints no terminal escapes from file names', () => {
  useCliTimeout();
  let emulator: RunningEmulator;
  let source: SourceServer;
  let uuid: string;
  const ucare = (...args: string[]): Promise<CliRun> => runCli(['--api_base', `${emulator.url}/`, ...args], { cwd: tempDir() });

  beforeAll(async () => {
    await builtCli();
    emulator = await startEmulator({ port: 0 });
    source = await startSourceServer('hostile\n');
    const run = await ucare('--json', 'upload_from_url', '--store', `${source.url}/${HOSTILE_SEGMENT}`);
    expect(run.code).withContext(run.stderr).toBe(0);
    uuid = (JSON.parse(lines(run.stdout)[0] as string) as { uuid: string }).uuid;
  }, 300_000);

  afterAll(async () => {
    await Promise.all([emulator?.close(), source?.close()]);
  });

  it('the emulator kept the name as given (JSON parses back to it)', async () => {
    const run = await ucare('--json', 'get', uuid);
    expect((JSON.parse(lines(run.stdout)[0] as string) as { original_filename: string }).original_filename).toBe(HOSTILE_NAME);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
  });

  it('list shows the name with its controls escaped', async () => {
    const run = await ucare('list');
    expect(run.code).withContext(run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stdout).toContain('\\x1b]0;pwned\\x07\\x1b[2J\\x1b]52;c;cHduZWQ=\\x07\\x9b31m\\u202etxt.exe');
  });

  it('get shows the name, and every other field, with controls escaped', async () => {
    const run = await ucare('get', uuid);
    expect(run.code).withContext(run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stdout).toMatch(/filename:\s+\\x1b\]0;pwned/);
  });

  it('sync refuses the name (C0, C1 and bidirectional controls), saying so without the raw controls', async () => {
    const cwd = tempDir();
    const run = await runCli(['--api_base', `${emulator.url}/`, 'sync', 'out/${filename}'], { cwd });
    expect(run.code).withContext(run.stderr).toBe(0);
    expect(run.stderr).toContain(`skipped ${uuid}`);
    expect(run.stderr).toContain('control character');
    expect(run.stderr).not.toMatch(RAW_CONTROL);
    expect(readdirSync(cwd)).toEqual([]);
  });
});
