import { asyncScheduler, Observable, type SchedulerAction, type SchedulerLike } from 'rxjs';

/**
 * The longest delay `setTimeout` (and RxJS's timers, which use it) honours: 2^31 - 1 ms, about 24.8 days. A longer
 * one fires at once (Node prints a TimeoutOverflowWarning, browsers nothing).
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Emits 0 once `ms` milliseconds have passed on `scheduler`, then completes: the one timer of the library for
 * durations a user or a server gives. Any length is honoured (past {@link MAX_TIMER_MS} it waits in steps),
 * `Infinity` never fires, and NaN or a negative delay fires at once. Unsubscribing cancels it.
 */
export function waitFor(ms: number, scheduler: SchedulerLike = asyncScheduler): Observable<0> {
  const total = ms > 0 ? ms : 0;
  return new Observable<0>((subscriber) =>
    scheduler.schedule(
      function step(this: SchedulerAction<number>, left = 0) {
        if (left > 0) {
          this.schedule(left - Math.min(left, MAX_TIMER_MS), Math.min(left, MAX_TIMER_MS));
          return;
        }
        subscriber.next(0);
        subscriber.complete();
      },
      Math.min(total, MAX_TIMER_MS),
      total - Math.min(total, MAX_TIMER_MS),
    ),
  );
}

/** `setTimeout` through {@link waitFor}: calls `callback` after `ms`, however long; returns the function that cancels it. */
export function setLongTimeout(callback: () => void, ms: number): () => void {
  const subscription = waitFor(ms).subscribe(callback);
  return () => subscription.unsubscribe();
}
