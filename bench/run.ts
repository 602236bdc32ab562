import { loadavg } from 'node:os';
import type { RunningEmulator } from 'rxuploadcare-emulator';
import { DEMO_PROJECT, startEmulator } from 'rxuploadcare-emulator';
import { bundleWorker } from './bundle.js';
import { Fixtures } from './fixtures.js';
import { describeMachine, type Machine } from './machine.js';
import type { BenchOptions, ScenarioId } from './options.js';
import { SCENARIOS, type Scenario, type ScenarioContext, type ScenarioUnit } from './scenarios.js';
import { BenchRunError, runWorker } from './spawn-worker.js';
import { readVersions, type Versions } from './versions.js';
import type { Endpoint, Side, WorkerResult } from './worker/protocol.js';

/** One run of one side in one round. */
export interface Sample {
  readonly side: Side;
  readonly round: number;
  readonly result: WorkerResult;
  /** Requests the emulator served during the run. */
  readonly requests: number;
}

/** Every sample of one scenario. */
export interface ScenarioResults {
  readonly id: ScenarioId;
  readonly title: string;
  readonly sizes: string;
  readonly bytesPerRun: number;
  /** The scenario's unit of work and how many a run does, where a time per unit is worth reporting (thumbnails). */
  readonly unit?: ScenarioUnit;
  readonly samples: readonly Sample[];
}

/** One whole run: every scenario, `rounds` rounds each, and the machine's load around it. */
export interface BenchRun {
  readonly startedAt: Date;
  readonly durationMs: number;
  /** Load averages (1, 5, 15 min) when the run started and when it ended: other work skews the timings. */
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  readonly scenarios: readonly ScenarioResults[];
}

/** A whole benchmark: `runs` runs, one after the other. */
export interface BenchReport {
  readonly options: BenchOptions;
  readonly machine: Machine;
  readonly versions: Versions;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly runs: readonly BenchRun[];
}

/** Progress lines (to stderr in the CLI). */
export type BenchLog = (line: string) => void;

/**
 * Runs the benchmark `runs` times: in each run, for every scenario, `rounds` rounds, each side once per round in a
 * rotating order, every run of a side on a fresh emulator in this process and the client in a fresh child process.
 * A run that fails, or does not do all of its work, fails the benchmark (a fast wrong answer is not a result).
 */
export async function runBenchmark(options: BenchOptions, log: BenchLog = () => undefined): Promise<BenchReport> {
  const startedAt = new Date();
  const worker = await bundleWorker();
  const fixtures = await Fixtures.create();
  const context: ScenarioContext = { options, fixtures, publicKey: DEMO_PROJECT.publicKey };
  try {
    const runs: BenchRun[] = [];
    for (let run = 0; run < options.runs; run++) runs.push(await runOnce(context, worker.file, (line) => log(`run ${run + 1}/${options.runs} ${line}`)));
    return { options, machine: describeMachine(), versions: readVersions(), startedAt, durationMs: Date.now() - startedAt.getTime(), runs };
  } finally {
    await fixtures.close();
    await worker.dispose();
  }
}

async function runOnce(context: ScenarioContext, workerFile: string, log: BenchLog): Promise<BenchRun> {
  const { options } = context;
  const startedAt = new Date();
  const loadBefore = loadavg();
  const scenarios: ScenarioResults[] = [];
  for (const scenario of SCENARIOS.filter((candidate) => options.scenarios.includes(candidate.id))) {
    const samples: Sample[] = [];
    for (let round = 0; round < options.rounds; round++) {
      for (const side of rotate(options.sides, round)) {
        const sample = await runSide(scenario, side, round, context, workerFile);
        log(`${scenario.id} round ${round + 1}/${options.rounds} ${side}: ${sample.result.elapsedMs.toFixed(0)} ms, peak RSS ${(sample.result.peakRssBytes / 1e6).toFixed(0)} MB, ${sample.requests} requests, load ${loadavg()[0]!.toFixed(1)}`);
        samples.push(sample);
      }
    }
    scenarios.push({
      id: scenario.id,
      title: scenario.title,
      sizes: scenario.sizes(options),
      bytesPerRun: scenario.bytesPerRun(options),
      ...(scenario.unit && { unit: scenario.unit(options) }),
      samples,
    });
  }
  return { startedAt, durationMs: Date.now() - startedAt.getTime(), loadBefore, loadAfter: loadavg(), scenarios };
}

async function runSide(scenario: Scenario, side: Side, round: number, context: ScenarioContext, workerFile: string): Promise<Sample> {
  const emulator: RunningEmulator = await startEmulator({ port: 0, requestLogLimit: 1_000_000 });
  try {
    const prepared = await scenario.prepare(emulator, context);
    const endpoint: Endpoint = { base: emulator.url, publicKey: DEMO_PROJECT.publicKey, secretKey: DEMO_PROJECT.secretKey };
    const job = { side, endpoint, task: prepared.task };
    const before = emulator.requests.list().length;
    const result = await runWorker(workerFile, job, context.options.runTimeoutSeconds * 1000);
    const problem = prepared.check(result, emulator);
    if (problem) throw new BenchRunError(`${side} ${scenario.id} did not do its work: ${problem}`, job);
    return { side, round, result, requests: emulator.requests.list().length - before };
  } finally {
    await emulator.close();
  }
}

/** The sides in round `round`'s order: each side goes first in turn. */
function rotate<T>(items: readonly T[], round: number): T[] {
  const shift = round % Math.max(1, items.length);
  return [...items.slice(shift), ...items.slice(0, shift)];
}
