import { DEFAULT_BENCH_OPTIONS, SCENARIO_IDS, type BenchOptions } from '../../bench/options.js';
import { renderReport } from '../../bench/report.js';
import { runBenchmark, type BenchReport } from '../../bench/run.js';
import { SIDES } from '../../bench/worker/protocol.js';

/** The benchmark at tiny sizes, one round: proves every scenario still runs for every side. Never asserts timings. */
const TINY: BenchOptions = {
  ...DEFAULT_BENCH_OPTIONS,
  runs: 1,
  rounds: 1,
  listFiles: 150,
  multipartMiB: 10,
  multipartStreamMiB: 10,
  smallFiles: 12,
  smallKiB: 2,
  fromUrlMiB: 1,
  fromUrlSmallMiB: 1,
  fromUrlSlowKiB: 64,
  fromUrlSlowKiBps: 256,
  batchFiles: 120,
  infoCalls: 10,
  thumbnails: 4,
  out: '',
  runTimeoutSeconds: 60,
};

describe('npm run bench, smoke version (tiny sizes, one round)', () => {
  let report: BenchReport;

  beforeAll(async () => {
    report = await runBenchmark(TINY);
  }, 120_000);

  it('runs every scenario once for every side, each run producing numbers', () => {
    expect(report.runs.length).toBe(1);
    const [run] = report.runs;
    expect(run!.loadBefore.length).toBe(3);
    expect(run!.scenarios.map((scenario) => scenario.id)).toEqual([...SCENARIO_IDS]);
    for (const scenario of run!.scenarios) {
      expect(scenario.samples.map((sample) => sample.side).sort()).withContext(scenario.id).toEqual([...SIDES].sort());
      for (const { side, result, requests } of scenario.samples) {
        const where = `${scenario.id} ${side}`;
        expect(Number.isFinite(result.elapsedMs) && result.elapsedMs > 0).withContext(`${where} elapsed`).toBeTrue();
        expect(result.cpuMs).withContext(`${where} CPU`).toBeGreaterThan(0);
        expect(result.peakRssBytes).withContext(`${where} peak RSS`).toBeGreaterThan(0);
        expect(result.startRssBytes).withContext(`${where} RSS before`).toBeGreaterThan(0);
        expect(result.units).withContext(`${where} units`).toBeGreaterThan(0);
        expect(requests).withContext(`${where} requests`).toBeGreaterThan(0);
      }
    }
  });

  it('renders a report with the machine, the sizes, every scenario and side, and the targets', () => {
    const markdown = renderReport(report, '## Analysis\n\nhand-written');
    expect(markdown).toContain(`Node ${process.version}`);
    expect(markdown).toContain(`${TINY.listFiles} files`);
    for (const id of SCENARIO_IDS) expect(markdown).toContain(`(\`${id}\`)`);
    for (const side of SIDES) expect(markdown).toMatch(new RegExp(`^\\| ${side} \\| \\d+ ms`, 'm'));
    expect(markdown).toContain('## Targets of issue 18');
    expect(markdown).toMatch(/^ {2}- run 1 \(\d\d:\d\d UTC, .*\): [\d.]+, [\d.]+, [\d.]+ -> [\d.]+, [\d.]+, [\d.]+$/m);
    expect(markdown).toContain('## Client CPU');
    expect(markdown).not.toMatch(/NaN|Infinity/);
    expect(markdown.trimEnd().endsWith('hand-written')).toBeTrue();
  });
});
