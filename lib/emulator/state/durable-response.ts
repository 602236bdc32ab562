import type { ServerResponse } from 'node:http';
import type { StatePersistence } from './persistence.js';

/**
 * Holds the end of `res` until the state changes made since `generationAtStart` are on disk, so that a client never
 * sees an answer whose effect a crash could still undo. Answers of requests that changed nothing are not held.
 */
export function endWhenDurable(res: ServerResponse, persistence: StatePersistence, generationAtStart: number): void {
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  res.end = ((...args: unknown[]): ServerResponse => {
    if (persistence.generation === generationAtStart) return end(...args);
    persistence.flush().then(
      () => end(...args),
      (error: unknown) => res.destroy(error instanceof Error ? error : new Error(String(error))),
    );
    return res;
  }) as typeof res.end;
}
