import { InvalidParamError, UnknownOptionError } from '../../lib/errors.js';
import { DEFAULT_POLL_RAMP, rampedPolls, resolvePollRamp, type PollRamp } from '../../lib/upload/poll-ramp.js';

/** The waits a ramp gives after the first `count` answers, in ms, for an `intervalMs` cap. */
function waits(ramp: PollRamp, intervalMs: number, count: number): number[] {
  const schedule = rampedPolls(ramp);
  return Array.from({ length: count }, (_, index) => Math.round(schedule(index + 1, intervalMs)));
}

describe('poll ramp', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_POLL_RAMP).toEqual({ firstInterval: 0.02, growth: 1.5 });
    expect(resolvePollRamp()).toEqual(DEFAULT_POLL_RAMP);
    expect(resolvePollRamp({ growth: undefined, firstInterval: 0.1 })).toEqual({ firstInterval: 0.1, growth: 1.5 });
  });

  it('starts short and grows by `growth` up to the interval, then stays there', () => {
    expect(waits(DEFAULT_POLL_RAMP, 300, 10)).toEqual([20, 30, 45, 68, 101, 152, 228, 300, 300, 300]);
    expect(waits({ firstInterval: 0.05, growth: 2 }, 1000, 7)).toEqual([50, 100, 200, 400, 800, 1000, 1000]);
  });

  it('polls steadily at the interval when the first interval reaches it, and at the first one with growth 1', () => {
    expect(waits({ firstInterval: 0.3, growth: 1.5 }, 300, 4)).toEqual([300, 300, 300, 300]);
    expect(waits({ firstInterval: 5, growth: 3 }, 300, 3)).toEqual([300, 300, 300]);
    expect(waits({ firstInterval: 0.1, growth: 1 }, 300, 3)).toEqual([100, 100, 100]);
  });

  it('reaches the interval within a few polls, however long the job: no more requests than a steady poll after that', () => {
    const schedule = rampedPolls(DEFAULT_POLL_RAMP);
    let elapsed = 0;
    let polls = 1;
    while (elapsed < 60_000) elapsed += schedule(polls++, 300);
    // A steady poll every 300 ms asks 201 times in 60 s; the ramp adds the few quick ones of its first 0.6 s.
    expect(polls).toBeLessThanOrEqual(201 + 7);
  });

  it('refuses nonsense and typos', () => {
    for (const bad of [{ firstInterval: -1 }, { firstInterval: Number.NaN }, { growth: 0.5 }, { growth: Infinity }, { growth: '2' as unknown as number }]) {
      expect(() => resolvePollRamp(bad)).withContext(JSON.stringify(bad)).toThrowError(InvalidParamError);
    }
    expect(() => resolvePollRamp({ grwth: 2 } as Partial<PollRamp>)).toThrowError(UnknownOptionError, /did you mean "growth"\?/);
  });
});
