/** Where a job is: the statuses of conversion jobs (add-ons map them to theirs). */
export type JobStatus = 'pending' | 'processing' | 'finished' | 'failed' | 'cancelled';

/** How a job ends, when the control API decides it instead of the work. */
export type JobOutcome = 'finished' | 'failed' | 'cancelled';

/** How long jobs take, in seconds: `pending` first, then `processing`, then their end. */
export interface JobTiming {
  readonly pendingSeconds: number;
  readonly processingSeconds: number;
}

/** What the next job does instead of the defaults (control API `POST /__emulator/jobs/next`). */
export interface NextJob {
  /** Default `finished`: the work runs. `failed` ends it with `error`; `cancelled` ends it cancelled. */
  readonly outcome?: JobOutcome;
  /** Its processing time, replacing {@link JobTiming.processingSeconds}. */
  readonly seconds?: number;
  /** The error of a failed job. */
  readonly error?: string;
}

/** Short enough for specs, long enough that a poller sees `pending` and `processing`. */
export const DEFAULT_JOB_TIMING: JobTiming = Object.freeze({ pendingSeconds: 0.05, processingSeconds: 0.2 });

/** The error of a job failed through the control API without one. */
export const INJECTED_FAILURE = 'The emulator was told to fail this job.';

/** One job: its status now, and its error once failed. */
export class Job {
  status: JobStatus = 'pending';
  error: string | null = null;

  constructor(readonly token: number, readonly projectKey: string) {}
}

/**
 * Runs conversion and add-on jobs through the real status lifecycle, on timers: `pending`, `processing`, then
 * `finished` once the work (making the outputs) is done, `failed` when it throws or was told to fail, or `cancelled`.
 * Jobs live in memory only: a restart forgets them (docs/emulator.md).
 */
export class JobRunner {
  #timing: JobTiming;
  readonly #next: NextJob[] = [];
  readonly #jobs = new Map<number, Job>();
  #lastToken = 426_339_900;

  constructor(timing: Partial<JobTiming> = {}) {
    this.#timing = { ...DEFAULT_JOB_TIMING, ...timing };
  }

  get timing(): JobTiming {
    return this.#timing;
  }

  /** The overrides waiting for the next jobs, first first. */
  get queued(): readonly NextJob[] {
    return [...this.#next];
  }

  setTiming(timing: Partial<JobTiming>): void {
    this.#timing = { ...this.#timing, ...timing };
  }

  /** The next job started follows `next` instead of the defaults. */
  queueNext(next: NextJob): void {
    this.#next.push(next);
  }

  /** Default timing back, no override queued. */
  reset(): void {
    this.#timing = DEFAULT_JOB_TIMING;
    this.#next.length = 0;
  }

  /** Starts a job of `projectKey`; `work` makes its outputs when it is time for it to finish. */
  start(projectKey: string, work: () => Promise<void>): Job {
    const job = new Job(++this.#lastToken, projectKey);
    this.#jobs.set(job.token, job);
    const plan = this.#next.shift() ?? {};
    const seconds = plan.seconds ?? this.#timing.processingSeconds;
    later(this.#timing.pendingSeconds, () => {
      job.status = 'processing';
      later(seconds, () => void this.#end(job, plan, work));
    });
    return job;
  }

  /** The job `token` of `projectKey`, or undefined (another project's job is no job of this one). */
  job(projectKey: string, token: number): Job | undefined {
    const job = this.#jobs.get(token);
    return job?.projectKey === projectKey ? job : undefined;
  }

  async #end(job: Job, plan: NextJob, work: () => Promise<void>): Promise<void> {
    if (plan.outcome === 'cancelled') {
      job.status = 'cancelled';
      return;
    }
    if (plan.outcome === 'failed') {
      job.status = 'failed';
      job.error = plan.error ?? INJECTED_FAILURE;
      return;
    }
    try {
      await work();
      job.status = 'finished';
    } catch (error) {
      job.status = 'failed';
      job.error = error instanceof Error ? error.message : String(error);
    }
  }
}

// Timers do not keep the process alive: a closed emulator's pending jobs just never end.
function later(seconds: number, run: () => void): void {
  setTimeout(run, seconds * 1000).unref();
}
