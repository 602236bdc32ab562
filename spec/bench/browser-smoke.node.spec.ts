import { parseBrowserBenchArgs } from '../../bench/browser/options.js';
import { runBrowserBench } from '../../bench/browser/run-browser.js';

/** `npm run bench:browser` at tiny sizes, one round: proves both tasks still run for both sides. Never asserts timings. */
describe('npm run bench:browser, smoke version (tiny sizes, one round)', () => {
  it('runs the upload and the listing for both clients in Chromium and reports each with its long tasks', async () => {
    const lines: string[] = [];
    const report = await runBrowserBench({ rounds: 1, uploadMiB: 1, files: 30, pageSize: 10, write: false }, (line) => lines.push(line));
    expect(lines.filter((line) => /^round 1\/1 (list|upload) (rxuploadcare|official): \d+ ms/.test(line)).length).withContext(lines.join('\n')).toBe(4);
    expect(lines.filter((line) => line.startsWith('page error'))).toEqual([]);
    // Both sides listed the same files, and each upload drew at least its first and last tick.
    const listed = lines.filter((line) => line.includes(' list ')).map((line) => /(\d+) items/.exec(line)?.[1]);
    expect(new Set(listed).size).toBe(1);
    expect(Number(listed[0])).toBeGreaterThan(10);
    for (const line of lines.filter((l) => l.includes(' upload '))) expect(Number(/(\d+) items/.exec(line)?.[1])).toBeGreaterThanOrEqual(1);
    expect(report).toMatch(/\| Upload a 1 MiB Blob, progress bar drawn on every tick \| \*\*[\d.]+x\*\*/);
    expect(report).toMatch(/\| List 30 files, 10 per page \| \*\*[\d.]+x\*\*/);
  }, 120_000);

  it('reads its command line and refuses what it does not know', () => {
    expect(parseBrowserBenchArgs(['--rounds', '3', '--upload-mib', '5', '--write'])).toEqual(jasmine.objectContaining({ rounds: 3, uploadMiB: 5, write: true, files: 10_000 }));
    expect(parseBrowserBenchArgs(['--help'])).toBeNull();
    expect(() => parseBrowserBenchArgs(['--rounds', '0'])).toThrowError(/positive integer/);
    expect(() => parseBrowserBenchArgs(['--fast'])).toThrowError(/Unknown argument --fast/);
  });
});
