import type { ScenarioId } from './options.js';
import type { BenchOptions } from './options.js';
import type { BenchReport, BenchRun, ScenarioResults } from './run.js';
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
  /** The median time over the units of work of a run (ms per thumbnail); null where the scenario has no unit. */
  readonly perUnitMs: number | null;
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
  /** Bytes uploaded per run of a side (0 where throughput means nothing). */
  readonly bytesPerRun: number;
  /** The unit a time per unit is reported for (`thumbnail`), if any. */
  readonly unitName: string | null;
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

/** A target checked against the numbers of every run: met only when it holds in each of them. */
export interface TargetVerdict {
  readonly target: string;
  /** The measured value's spread over the runs (min-max), or why there is none. */
  readonly measured: string;
  /** null when the runs lack a side or scenario the target needs, or it is not measured at all. */
  readonly met: boolean | null;
}

/** One target as one run measures it: a number (null when not measured), how to show it, and when it holds. */
interface TargetCheck {
  readonly target: string;
  readonly value: number | null;
  readonly format: (value: number) => string;
  readonly holds: (value: number) => boolean;
  /** Why there is no value, when there is none ('not run' by default). */
  readonly missing?: string;
}

/** Summarizes every scenario of one run. */
export function summarize(run: Pick<BenchRun, 'scenarios'>): ScenarioSummary[] {
  return run.scenarios.map(summarizeScenario);
}

/** Every scenario over all runs: the samples of every run pooled (the detail tables). */
export function summarizePooled(report: Pick<BenchReport, 'runs'>): ScenarioSummary[] {
  const [first] = report.runs;
  if (!first) return [];
  return first.scenarios.map((scenario) =>
    summarizeScenario({ ...scenario, samples: report.runs.flatMap((run) => run.scenarios.find((other) => other.id === scenario.id)?.samples ?? []) }),
  );
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
      perUnitMs: results.unit ? elapsedMs.median / results.unit.perRun : null,
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
    bytesPerRun: results.bytesPerRun,
    unitName: results.unit?.name ?? null,
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

const MiB = 1024 * 1024;
const ratioFormat = (value: number): string => `${value.toFixed(2)}x`;

/** The targets of issue 8 in every run: at or below the official clients, multipart near the floor and lean, listing near the floor. */
export function checkTargets(runs: readonly (readonly ScenarioSummary[])[]): TargetVerdict[] {
  return foldRuns(runs.map(issue8Checks));
}

/** The goals of issue 18 in every run (each must hold in every run); `options` tells which sizes ran. */
export function checkIssue18Targets(runs: readonly (readonly ScenarioSummary[])[], options: Pick<BenchOptions, 'rounds' | 'runs'>): TargetVerdict[] {
  const verdicts = foldRuns(runs.map(issue18Checks));
  const enough = runs.length >= 3 && options.rounds >= 7;
  verdicts.push({
    target: '18.6: this report states the machine, the load and the spread of each ratio over >= 3 runs of >= 7 rounds',
    measured: `${runs.length} runs of ${options.rounds} rounds; machine and load above`,
    met: enough,
  });
  return verdicts;
}

function issue8Checks(summaries: readonly ScenarioSummary[]): TargetCheck[] {
  const checks: TargetCheck[] = summaries.map((summary) => ({
    target: `${summary.id}: rxuploadcare at or below the official clients' time`,
    value: summary.oursOverOfficial,
    format: ratioFormat,
    holds: (ratio) => ratio <= 1,
  }));
  const multipart = summaries.find((summary) => summary.id === 'multipart');
  const ours = multipart?.sides.find((side) => side.side === 'rxuploadcare');
  const floor = multipart?.sides.find((side) => side.side === 'floor');
  checks.push({
    target: 'multipart: rxuploadcare throughput >= 70% of the raw floor',
    value: ours?.throughput && floor?.throughput ? ours.throughput / floor.throughput : null,
    format: (share) => `${(share * 100).toFixed(0)}%`,
    holds: (share) => share >= 0.7,
  });
  checks.push({ target: 'multipart: rxuploadcare peak RSS under 150 MB', value: ours ? ours.peakRssBytes : null, format: megabytes, holds: (bytes) => bytes < 150e6 });
  for (const id of ['list-100', 'list-1000'] as const) {
    checks.push({
      target: `${id}: rxuploadcare within 1.2x of the raw floor`,
      value: summaries.find((summary) => summary.id === id)?.oursOverFloor ?? null,
      format: ratioFormat,
      holds: (ratio) => ratio <= 1.2,
    });
  }
  return checks;
}

const FROM_URL_SCENARIOS = ['from-url-small', 'from-url', 'from-url-slow'] as const;

function issue18Checks(summaries: readonly ScenarioSummary[]): TargetCheck[] {
  const byId = (id: string) => summaries.find((summary) => summary.id === id);
  const checks: TargetCheck[] = [];
  for (const id of FROM_URL_SCENARIOS) {
    checks.push({ target: `18.1: ${id}, ours/official time <= 0.8x`, value: byId(id)?.oursOverOfficial ?? null, format: ratioFormat, holds: (ratio) => ratio <= 0.8 });
    checks.push({ target: `18.1: ${id}, ours/floor time <= 1.1x`, value: byId(id)?.oursOverFloor ?? null, format: ratioFormat, holds: (ratio) => ratio <= 1.1 });
  }
  for (const summary of summaries) {
    checks.push({ target: `18.2: ${summary.id}, ours/floor client CPU <= 1.3x`, value: summary.cpuOursOverFloor, format: ratioFormat, holds: (ratio) => ratio <= 1.3 });
  }
  for (const id of ['multipart', 'multipart-stream'] as const) {
    const summary = byId(id);
    const ours = summary?.sides.find((side) => side.side === 'rxuploadcare');
    const atOneGiB = summary !== undefined && summary.bytesPerRun >= 1024 * MiB;
    checks.push({
      target: `18.3: ${id}, 1 GiB, rxuploadcare peak RSS < 100 MiB`,
      value: ours && atOneGiB ? ours.peakRssBytes : null,
      format: megabytes,
      holds: (bytes) => bytes < 100 * MiB,
      missing: ours ? `not measured at 1 GiB (${(summary!.bytesPerRun / MiB).toFixed(0)} MiB ran: ${megabytes(ours.peakRssBytes)})` : 'not run',
    });
  }
  for (const summary of summaries) {
    checks.push({ target: `18.4: ${summary.id}, ours/official time <= 0.8x`, value: summary.oursOverOfficial, format: ratioFormat, holds: (ratio) => ratio <= 0.8 });
  }
  checks.push({
    target: '18.5: browser benchmark (100 MiB Blob, 10,000-file listing, long tasks) <= 1.0x the official clients',
    value: null,
    format: ratioFormat,
    holds: () => false,
    missing: 'not in this Node benchmark: `npm run bench:browser` measures it (docs/benchmarks-browser.md)',
  });
  return checks;
}

/** The same checks from every run, folded: the spread of each value, met when it holds in every run. */
function foldRuns(runs: readonly (readonly TargetCheck[])[]): TargetVerdict[] {
  const [first] = runs;
  if (!first) return [];
  return first.map((check, index) => {
    const values = runs.map((run) => run[index]?.value ?? null);
    const measured = values.filter((value): value is number => value !== null);
    if (measured.length < values.length) return { target: check.target, measured: check.missing ?? 'not run', met: null };
    const min = Math.min(...measured);
    const max = Math.max(...measured);
    const range = check.format(min) === check.format(max) ? check.format(min) : `${check.format(min)}-${check.format(max)}`;
    return {
      target: check.target,
      measured: values.length === 1 ? range : `${range} (${values.length} runs)`,
      met: measured.every((value) => check.holds(value)),
    };
  });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}
