import type { ScenarioId } from '../../bench/options.js';
import type { Sample, ScenarioResults } from '../../bench/run.js';
import { checkIssue18Targets, checkTargets, summarize, type TargetVerdict } from '../../bench/summary.js';
import type { Side } from '../../bench/worker/protocol.js';

/** A run of `side` that took `elapsedMs` (CPU half of it) with the given peak RSS. */
function sample(side: Side, elapsedMs: number, peakRssBytes = 80e6): Sample {
  return { side, round: 0, requests: 10, result: { elapsedMs, cpuMs: elapsedMs / 2, peakRssBytes, startRssBytes: 50e6, units: 1 } };
}

function scenario(id: ScenarioId, samples: readonly Sample[], bytesPerRun = 0): ScenarioResults {
  return { id, title: id, sizes: '', bytesPerRun, samples };
}

function verdict(verdicts: readonly TargetVerdict[], start: string): TargetVerdict | undefined {
  return verdicts.find((entry) => entry.target.startsWith(start));
}

describe('bench/summary.ts', () => {
  it('takes each side\'s median (mean of the middle two for an even count) and divides medians', () => {
    const [summary] = summarize({
      scenarios: [
        scenario('info', [
          sample('rxuploadcare', 100), sample('rxuploadcare', 300), sample('rxuploadcare', 200),
          sample('official', 400), sample('official', 1000), sample('official', 200), sample('official', 600),
          sample('floor', 80),
        ]),
      ],
    });
    const ours = summary!.sides.find((side) => side.side === 'rxuploadcare')!;
    expect(ours.elapsedMs).toEqual({ median: 200, min: 100, max: 300 });
    expect(summary!.sides.find((side) => side.side === 'official')!.elapsedMs.median).toBe(500);
    expect(summary!.oursOverOfficial).toBeCloseTo(0.4, 10);
    expect(summary!.oursOverFloor).toBeCloseTo(2.5, 10);
    expect(summary!.cpuOursOverOfficial).toBeCloseTo(0.4, 10);
    expect(ours.throughput).toBeNull();
  });

  it('gives null ratios for a side that did not run, and throughput in bytes per second at the median', () => {
    const [summary] = summarize({ scenarios: [scenario('multipart', [sample('rxuploadcare', 2000), sample('rxuploadcare', 4000)], 300e6)] });
    expect(summary!.oursOverOfficial).toBeNull();
    expect(summary!.oursOverFloor).toBeNull();
    expect(summary!.sides[0]!.throughput).toBe(100e6);
  });

  it('checks the issue\'s targets at their boundaries', () => {
    const verdicts = checkTargets([
      summarize({
        scenarios: [
          scenario('info', [sample('rxuploadcare', 100), sample('official', 100)]),
          scenario('small-uploads', [sample('rxuploadcare', 101), sample('official', 100)]),
          scenario('list-100', [sample('rxuploadcare', 120), sample('official', 200), sample('floor', 100)]),
          scenario('list-1000', [sample('rxuploadcare', 121), sample('official', 200), sample('floor', 100)]),
          scenario('multipart', [sample('rxuploadcare', 1000, 151e6), sample('official', 2000), sample('floor', 700)], 100e6),
        ],
      }),
    ]);
    expect(verdict(verdicts, 'info:')?.met).toBeTrue();
    expect(verdict(verdicts, 'small-uploads:')?.met).toBeFalse();
    expect(verdict(verdicts, 'list-100: rxuploadcare within 1.2x')?.met).toBeTrue();
    expect(verdict(verdicts, 'list-1000: rxuploadcare within 1.2x')).toEqual(jasmine.objectContaining({ met: false, measured: '1.21x' }));
    expect(verdict(verdicts, 'multipart: rxuploadcare throughput')).toEqual(jasmine.objectContaining({ met: true, measured: '70%' }));
    expect(verdict(verdicts, 'multipart: rxuploadcare peak RSS')).toEqual(jasmine.objectContaining({ met: false, measured: '151 MB' }));
  });

  it('leaves a target undecided (null) when the run lacks what it needs', () => {
    const verdicts = checkTargets([summarize({ scenarios: [scenario('info', [sample('rxuploadcare', 100)])] })]);
    expect(verdicts.map((entry) => entry.met)).toEqual([null, null, null, null, null]);
    expect(verdicts.every((entry) => entry.measured === 'not run')).toBeTrue();
  });

  it('checks issue 18 in every run: met only when each run meets it, with the spread over the runs', () => {
    const run = (official: number, floor: number) =>
      summarize({
        scenarios: [
          scenario('from-url', [sample('rxuploadcare', 100), sample('official', official), sample('floor', floor)]),
          scenario('multipart-stream', [sample('rxuploadcare', 1000, 99 * 1024 * 1024), sample('official', 2000), sample('floor', 900)], 1024 * 1024 * 1024),
          scenario('multipart', [sample('rxuploadcare', 1000, 90e6), sample('official', 2000), sample('floor', 900)], 256 * 1024 * 1024),
        ],
      });
    const verdicts = checkIssue18Targets([run(200, 100), run(120, 80), run(130, 100)], { runs: 3, rounds: 7 });
    expect(verdict(verdicts, '18.1: from-url, ours/official')).toEqual(jasmine.objectContaining({ met: false, measured: '0.50x-0.83x (3 runs)' }));
    expect(verdict(verdicts, '18.1: from-url, ours/floor')).toEqual(jasmine.objectContaining({ met: false, measured: '1.00x-1.25x (3 runs)' }));
    expect(verdict(verdicts, '18.1: from-url-slow')?.met).toBeNull();
    expect(verdict(verdicts, '18.3: multipart-stream')).toEqual(jasmine.objectContaining({ met: true }));
    expect(verdict(verdicts, '18.3: multipart,')).toEqual(jasmine.objectContaining({ met: null, measured: 'not measured at 1 GiB (256 MiB ran: 90 MB)' }));
    expect(verdict(verdicts, '18.5')?.met).toBeNull();
    expect(verdict(verdicts, '18.6')?.met).toBeTrue();
    expect(verdict(checkIssue18Targets([run(200, 100)], { runs: 1, rounds: 7 }), '18.6')?.met).toBeFalse();
  });
});
