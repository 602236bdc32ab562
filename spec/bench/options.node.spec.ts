import { BenchUsageError, DEFAULT_BENCH_OPTIONS, parseBenchArgs, usage } from '../../bench/options.js';
import { spread } from '../../bench/stats.js';

describe('bench flags', () => {
  it('defaults to the sizes of issues 8 and 18', () => {
    expect(parseBenchArgs([])).toEqual(DEFAULT_BENCH_OPTIONS);
    expect(DEFAULT_BENCH_OPTIONS).toEqual(
      jasmine.objectContaining({ listFiles: 10_000, multipartMiB: 256, smallFiles: 1000, smallKiB: 16, smallConcurrency: 8, fromUrlMiB: 50, batchFiles: 5000, infoCalls: 2000 }),
    );
    // Issue 18: three runs of at least 7 rounds, a 1 GiB stream, from-URL sources of 1 MiB, 50 MiB and a slow one.
    expect(DEFAULT_BENCH_OPTIONS).toEqual(jasmine.objectContaining({ runs: 3, rounds: 7, multipartStreamMiB: 1024, fromUrlSmallMiB: 1, fromUrlSlowKiB: 1024, fromUrlSlowKiBps: 512 }));
  });

  it('takes sizes, scenarios and sides, as `--flag value` or `--flag=value`', () => {
    const options = parseBenchArgs(['--rounds', '2', '--multipart-mib=64', '--scenarios', 'info,list-100', '--sides=floor,rxuploadcare', '--out', '']);
    expect(options).toEqual({
      ...DEFAULT_BENCH_OPTIONS,
      rounds: 2,
      multipartMiB: 64,
      scenarios: ['list-100', 'info'],
      sides: ['rxuploadcare', 'floor'],
      out: '',
    });
  });

  it('answers --help with null and documents every flag', () => {
    expect(parseBenchArgs(['--small-files', '3', '--help'])).toBeNull();
    const flags = ['--runs', '--rounds', '--list-files', '--multipart-mib', '--multipart-stream-mib', '--small-files', '--small-kib', '--small-concurrency', '--from-url-mib'];
    flags.push('--from-url-small-mib', '--from-url-slow-kib', '--from-url-slow-kibps', '--batch-files', '--info-calls', '--scenarios', '--sides', '--out');
    for (const flag of flags) {
      expect(usage()).toContain(flag);
    }
  });

  it('refuses unknown flags, missing values, bad numbers and unknown scenarios', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrowError(BenchUsageError, /Unknown flag --fast/);
    expect(() => parseBenchArgs(['--rounds'])).toThrowError(BenchUsageError, /needs a value/);
    expect(() => parseBenchArgs(['--rounds', '0'])).toThrowError(BenchUsageError, /integer >= 1/);
    expect(() => parseBenchArgs(['--multipart-mib', '5'])).toThrowError(BenchUsageError, /integer >= 10/);
    expect(() => parseBenchArgs(['--scenarios', 'list-100,nope'])).toThrowError(BenchUsageError, /--scenarios/);
  });
});

describe('bench statistics', () => {
  it('gives the median (mean of the middle two for an even count), min and max', () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5 });
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(Number.isNaN(spread([]).median)).toBeTrue();
  });
});
