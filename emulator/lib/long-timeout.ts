/** The longest delay `setTimeout` honours (2^31 - 1 ms, about 24.8 days); a longer one would fire at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * `setTimeout` for any length: calls `callback` after `ms` (past {@link MAX_TIMEOUT_MS} it waits in steps; `Infinity`
 * never fires; NaN or a negative delay fires at once). Returns the function that cancels it.
 * The library has its own, on RxJS schedulers (lib/long-timer.ts); the emulator does not depend on RxJS.
 */
export function setLongTimeout(callback: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = (left: number): void => {
    const step = Math.min(left, MAX_TIMEOUT_MS);
    timer = setTimeout(() => (left > step ? wait(left - step) : callback()), step);
  };
  wait(ms > 0 ? ms : 0);
  return () => clearTimeout(timer);
}
