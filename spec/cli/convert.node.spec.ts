import { jsonLines, useCliAgainstEmulator } from './support/cli-emulator.js';

// `ucare convert_document`, `convert_video` and `addon`, with the BUILT CLI against an emulator started here.
describe('ucare conversions and add-ons (built) against the emulator', () => {
  const cli = useCliAgainstEmulator();
  const { ucare } = cli;
  const json = jsonLines;
  const upload = (name: string, content: string): Promise<string> => cli.upload(name, content);
  const fast = ['--interval', '0.02'];

  afterEach(() => {
    cli.emulator.jobs.reset();
  });

  it('convert_document prints "<output>  <path>" per file; a refused one is reported and the exit code is 1', async () => {
    const doc = await upload('notes.txt', 'notes');
    const run = await ucare('convert_document', '--format', 'pdf', ...fast, doc);
    expect(run.code).withContext(run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^[0-9a-f-]{36}  ${doc}/document/-/format/pdf/\\n$`));
    const mixed = await ucare('--json', 'convert_document', '--format', 'xlsx', ...fast, doc);
    expect(mixed.code).toBe(1);
    expect(json(mixed)).toEqual([{ source: `${doc}/document/-/format/xlsx/`, ok: false, error: jasmine.objectContaining({ name: 'ConversionError', kind: 'refused', message: 'Conversion from txt to xlsx is not supported.' }) }]);
    expect(mixed.stderr).toContain('1 of 1 files not converted');
  });

  it('convert_document reports a failed job', async () => {
    const doc = await upload('a.txt', 'a');
    cli.emulator.jobs.queueNext({ outcome: 'failed', error: 'Broken document.' });
    const run = await ucare('convert_document', '--format', 'pdf', ...fast, doc);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`not converted: ${doc}/document/-/format/pdf/: Broken document.`);
  });

  it('convert_video prints the output and its thumbnails group; bad options are usage errors (2) before any request', async () => {
    const video = await upload('clip.mp4', 'not really a video');
    cli.emulator.store.updateFile(video, { mimeType: 'video/mp4' });
    const run = await ucare('--json', 'convert_video', '--format', 'webm', '--size', '640x', '--resize_mode', 'add_padding', '--cut', '0:0:1/end', '--thumbs', '2', ...fast, video);
    expect(run.code).withContext(run.stderr).toBe(0);
    expect(json(run)).toEqual([jasmine.objectContaining({ ok: true, source: `${video}/video/-/format/webm/-/size/640x/add_padding/-/cut/0:0:1/end/-/thumbs~2/`, thumbnails_group: jasmine.stringMatching(/~2$/) })]);
    const before = cli.emulator.requests.list().length;
    for (const bad of [['--size', 'big'], ['--resize_mode', 'add_padding'], ['--cut', '5'], ['--thumbs', '99']]) {
      expect((await ucare('convert_video', ...bad, video)).code).withContext(bad.join(' ')).toBe(2);
    }
    expect(cli.emulator.requests.list().length).toBe(before);
  });

  it('addon runs an add-on and prints its result; an unknown add-on or bad params are usage errors', async () => {
    const file = await upload('scan.txt', 'nothing here');
    const run = await ucare('addon', 'uc_clamav_virus_scan', '--purge_infected', ...fast, file);
    expect(run.code).withContext(run.stderr).toBe(0);
    expect(run.stdout).toBe(`uc_clamav_virus_scan  ${file}\n{"infected":false}\n`);
    const scanned = await ucare('--json', 'addon', 'uc_clamav_virus_scan', ...fast, file);
    expect(json(scanned)).toEqual([{ addon: 'uc_clamav_virus_scan', uuid: file, result: jasmine.objectContaining({ version: '0.105.1', data: { infected: false } }) }]);
    expect((await ucare('addon', 'nope', file)).code).toBe(2);
    expect((await ucare('addon', 'remove_bg', '--params', '[1]', file)).code).toBe(2);
    cli.emulator.jobs.queueNext({ outcome: 'failed' });
    const failed = await ucare('addon', 'aws_rekognition_detect_labels', ...fast, file);
    expect([failed.code, failed.stderr]).toEqual([1, jasmine.stringMatching(/ERROR: The aws_rekognition_detect_labels add-on ended in error/)]);
  });
});
