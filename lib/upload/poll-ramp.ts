import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { checkOptions, optionKeys } from '../options/check-options.js';
import { definedFields } from './defined-fields.js';
import type { PollSchedule } from './poll.js';

/**
 * How the wait between status polls grows from short to the caller's `interval`: the first poll goes at once, the
 * second `firstInterval` seconds after the first answer, each later wait `growth` times the one before, never more
 * than `interval`. A fast job is then seen done within tens of milliseconds, a slow one costs no more requests than
 * polling every `interval` (plus a few at the start). Plain data, in seconds like `interval`.
 */
export interface PollRamp {
  /** Seconds between the first answer and the second poll. Default 0.02; `interval` or more polls steadily. */
  readonly firstInterval: number;
  /** Each wait is this many times the one before, up to `interval`. Default 1.5; 1 keeps `firstInterval`. */
  readonly growth: number;
}

/** The documented defaults of {@link PollRamp}. */
export const DEFAULT_POLL_RAMP: PollRamp = Object.freeze({ firstInterval: 0.02, growth: 1.5 });

const POLL_RAMP_KEYS = optionKeys<PollRamp>({ firstInterval: true, growth: true });

/** Fills a partial ramp with the defaults and checks it (InvalidParamError on nonsense, UnknownOptionError on a typo). */
export function resolvePollRamp(ramp?: Partial<PollRamp>): PollRamp {
  const resolved: PollRamp = { ...DEFAULT_POLL_RAMP, ...definedFields(checkOptions('poll ramp', ramp, POLL_RAMP_KEYS)) };
  if (!(typeof resolved.firstInterval === 'number' && Number.isFinite(resolved.firstInterval) && resolved.firstInterval >= 0)) {
    throw new InvalidParamError(`Poll ramp firstInterval must be a number of seconds >= 0, got ${describeValue(resolved.firstInterval)}.`);
  }
  if (!(typeof resolved.growth === 'number' && Number.isFinite(resolved.growth) && resolved.growth >= 1)) {
    throw new InvalidParamError(`Poll ramp growth must be a number >= 1, got ${describeValue(resolved.growth)}.`);
  }
  return resolved;
}

/** The schedule of a resolved ramp: `firstInterval * growth^(answered - 1)` seconds, capped at `interval`. */
export function rampedPolls(ramp: PollRamp): PollSchedule {
  return (answered, intervalMs) => Math.min(intervalMs, ramp.firstInterval * 1000 * ramp.growth ** Math.max(0, answered - 1));
}
