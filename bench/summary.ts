import type { ScenarioId } from './options.js';
import type { BenchReport, ScenarioResults } from './run.js';
import { spread, type Spread } from './stats.js';
import type { Side } from './worker/protocol.js';

/** One side's numbers in one scenario. */
export interface SideSummary {
  readonly side: Side;
  readonly runs: number;
  readonly elapsedMs: Spread;
  /** The worker's CPU time during the work. */
  readonly cpuMs: Spread;
  /** Bytes per second at the median time; null where throughput means nothing. */
  readonly throughput: number | null;
  /** The highest peak RSS of the side's runs. */
  readonly peakRssBytes: number;
  readonly startRssBytes: Spread;
  readonly requests: Spread;
}

/** One scenario: every side's numbers and the ratios of medians. */
export interface ScenarioSummary {
  readonly id: ScenarioId;
  readonly title: string;
  readonly sizes: string;
  readonly sides: readonly SideSummary[];
  /** rxuploadcare's median time over the official clients'; null when a side did not run. */
  readonly oursOverOfficial: number | null;
  /** rxuploadcare's median time over the floor's. */
  readonly oursOverFloor: number | null;
  /** rxuploadcare's median CPU time over the official clients'. */
  readonly cpuOursOverOfficial: number | null;
  /** rxuploadcare's median CPU time over the floor's. */
  readonly cpuOursOverFloor: number | null;
}

/** A target of issue 8, checked against the numbers. */
export interface TargetVerdict {
  readonly target: string;
  readonly measured: string;
  /** null when the run lacks a side or scenario the target needs. */
  readonly met: boolean | null;
}

/** Summarizes every scenario. */
export function summarize(report: Pick<BenchReport, 'scenarios'>): ScenarioSummary[] {
  return report.scenarios.map(summarizeScenario);
}

function summarizeScenario(results: ScenarioResults): ScenarioSummary {
  const sides = sidesOf(results).map((side): SideSummary => {
    const samples = results.samples.filter((sample) => sample.side === side);
    const elapsedMs = spread(samples.map((sample) => sample.result.elapsedMs));
    return {
      side,
      runs: samples.length,
      elapsedMs,
      cpuMs: spread(samples.map((sample) => sample.result.cpuMs)),
      throughput: results.bytesPerRun > 0 ? results.bytesPerRun / (elapsedMs.median / 1000) : null,
      peakRssBytes: Math.max(...samples.map((sample) => sample.result.peakRssBytes)),
      startRssBytes: spread(samples.map((sample) => sample.result.startRssBytes)),
      requests: spread(samples.map((sample) => sample.requests)),
    };
  });
  const ratio = (other: Side, measure: 'elapsedMs' | 'cpuMs'): number | null => {
    const ours = sides.find((summary) => summary.side === 'rxuploadcare')?.[measure].median;
    const theirs = sides.find((summary) => summary.side === other)?.[measure].median;
    return ours === undefined || theirs === undefined ? null : ours / theirs;
  };
  return {
    id: results.id,
    title: results.title,
    sizes: results.sizes,
    sides,
    oursOverOfficial: ratio('official', 'elapsedMs'),
    oursOverFloor: ratio('floor', 'elapsedMs'),
    cpuOursOverOfficial: ratio('official', 'cpuMs'),
    cpuOursOverFloor: ratio('floor', 'cpuMs'),
  };
}

function sidesOf(results: ScenarioResults): Side[] {
  return [...new Set(results.samples.map((sample) => sample.side))];
}

/** The targets of issue 8: at or below the official clients everywhere, multipart near the floor and lean, listing near the floor. */
export function checkTargets(summaries: readonly ScenarioSummary[]): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  for (const summary of summaries) {
    const ratio = summary.oursOverOfficial;
    verdicts.push({
      target: `${summary.id}: rxuploadcare at or below the official clients' time`,
      measured: ratio === null ? 'not run' : `ours/official ${ratio.toFixed(2)}`,
      met: ratio === null ? null : ratio <= 1,
    });
  }
  const multipart = summaries.find((summary) => summary.id === 'multipart');
  const ours = multipart?.sides.find((side) => side.side === 'rxuploadcare');
  const floor = multipart?.sides.find((side) => side.side === 'floor');
  const share = ours?.throughput && floor?.throughput ? ours.throughput / floor.throughput : null;
  verdicts.push({
    target: 'multipart: rxuploadcare throughput >= 70% of the raw floor',
    measured: share === null ? 'not run' : `${(share * 100).toFixed(0)}% of the floor`,
    met: share === null ? null : share >= 0.7,
  });
  verdicts.push({
    target: 'multipart: rxuploadcare peak RSS under 150 MB',
    measured: ours ? `${(ours.peakRssBytes / 1e6).toFixed(0)} MB` : 'not run',
    met: ours ? ours.peakRssBytes < 150e6 : null,
  });
  for (const id of ['list-100', 'list-1000'] as const) {
    const ratio = summaries.find((summary) => summary.id === id)?.oursOverFloor ?? null;
    verdicts.push({
      target: `${id}: rxuploadcare within 1.2x of the raw floor`,
      measured: ratio === null ? 'not run' : `ours/floor ${ratio.toFixed(2)}`,
      met: ratio === null ? null : ratio <= 1.2,
    });
  }
  return verdicts;
}
