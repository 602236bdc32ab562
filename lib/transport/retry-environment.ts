import type { SchedulerLike } from 'rxjs';

/** Where time and randomness come from: injectable, so specs run on a virtual clock with fixed jitter. */
export interface RetryEnvironment {
  readonly scheduler?: SchedulerLike;
  /** Uniform in [0, 1). */
  readonly random?: () => number;
}
