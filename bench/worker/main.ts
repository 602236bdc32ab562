/**
 * A benchmark worker: one process per run, so that its peak RSS belongs to one side doing one scenario.
 * Reads the job from the environment, prepares (untimed), runs the timed work, prints the result as one line.
 */
import { peakRssBytes, sampleRss } from './peak-rss.js';
import { JOB_ENV, RESULT_PREFIX, type Side, type Task, type WorkerJob, type WorkerResult } from './protocol.js';
import type { SideRunners, TaskRunner } from './side.js';

// Loaded on demand: a worker loads only its own side's libraries, so its RSS is that side's.
const SIDE_RUNNERS: Readonly<Record<Side, () => Promise<SideRunners>>> = {
  rxuploadcare: async () => (await import('./rxuploadcare.js')).rxuploadcareSide,
  official: async () => (await import('./official.js')).officialSide,
  floor: async () => (await import('./floor.js')).floorSide,
};

async function main(): Promise<void> {
  const text = process.env[JOB_ENV];
  if (!text) throw new Error(`No job: the orchestrator passes it in ${JOB_ENV}`);
  const job = JSON.parse(text) as WorkerJob;
  const runner = (await SIDE_RUNNERS[job.side]())[job.task.kind] as TaskRunner<Task['kind']>;
  const work = await runner(job.endpoint, job.task as never);
  const startRssBytes = process.memoryUsage.rss();
  const onProcfs = process.platform === 'linux';
  const samples = onProcfs ? null : sampleRss();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const units = await work();
  const elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  samples?.stop();
  const result: WorkerResult = { elapsedMs, cpuMs: (cpu.user + cpu.system) / 1000, peakRssBytes: peakRssBytes(samples?.peak() ?? 0), startRssBytes, units };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
}

main().then(
  // Keep-alive sockets and the like must not keep a finished worker alive.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
