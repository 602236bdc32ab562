import { defer, Observable, repeat, takeWhile } from 'rxjs';
import { InvalidParamError, TimeoutError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { definedFields } from './defined-fields.js';
import { setLongTimeout, waitFor } from '../long-timer.js';
import { checkObject } from '../options/check-options.js';

/** How long and how often to poll; seconds, as in the seed's `wait(timeout=30, interval=0.3)`. */
export interface PollTiming {
  /** Seconds before giving up with a TimeoutError. Default 30. */
  readonly timeout?: number;
  /** Seconds between the end of one poll and the start of the next. Default 0.3. */
  readonly interval?: number;
}

/** The seed's defaults. */
export const DEFAULT_POLL_TIMING: Required<PollTiming> = Object.freeze({ timeout: 30, interval: 0.3 });

/**
 * The milliseconds to wait before the next poll, after `answered` polls (1 after the first answer), given the
 * caller's `interval` in milliseconds. A pure function: what a poll waits is data, not a timer.
 */
export type PollSchedule = (answered: number, intervalMs: number) => number;

/** The seed's schedule: `interval` after every answer. */
export const steadyPolls: PollSchedule = (_answered, intervalMs) => intervalMs;

/**
 * Asks `check()` at once, then again and again (one request at a time, waiting what `schedule` says after each
 * answer, `interval` apart by default) and emits every answer up to and including the first one for which `done` is
 * true. Running out of `timeout` is a TimeoutError; unsubscribing stops the poll in flight.
 */
export function pollUntil<T>(
  check: () => Observable<T>,
  done: (answer: T) => boolean,
  timing: PollTiming,
  what: string,
  schedule: PollSchedule = steadyPolls,
): Observable<T> {
  return defer(() => pollChecked(check, done, checkObject('poll timing', timing), what, schedule));
}

function pollChecked<T>(check: () => Observable<T>, done: (answer: T) => boolean, timing: PollTiming, what: string, schedule: PollSchedule): Observable<T> {
  const { timeout, interval } = { ...DEFAULT_POLL_TIMING, ...definedFields(timing) };
  const polls = defer(check).pipe(
    repeat({ delay: (answered) => waitFor(schedule(answered, interval * 1000)) }),
    takeWhile((answer) => !done(answer), true),
  );
  return new Observable<T>((subscriber) => {
    if (!isSeconds(timeout) || !isSeconds(interval)) {
      subscriber.error(new InvalidParamError(`timeout and interval must be numbers of seconds, not ${describeValue(timeout)} and ${describeValue(interval)}`));
      return undefined;
    }
    const cancelDeadline = setLongTimeout(() => subscriber.error(new TimeoutError(`${what} did not finish within ${timeout} s.`)), timeout * 1000);
    const subscription = polls.subscribe({
      next: (answer) => subscriber.next(answer),
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });
    return () => {
      cancelDeadline();
      subscription.unsubscribe();
    };
  });
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}
