import { defer, lastValueFrom, of, toArray } from 'rxjs';
import { TimeoutError } from '../../lib/errors.js';
import { pollUntil, type PollSchedule } from '../../lib/upload/poll.js';

describe('pollUntil', () => {
  it('asks one at a time until done, emitting every answer up to the final one', async () => {
    let asked = 0;
    const answers = await lastValueFrom(
      pollUntil(() => defer(() => of(++asked)), (n) => n === 3, { interval: 0.001, timeout: 5 }, 'counting').pipe(toArray()),
    );
    expect(answers).toEqual([1, 2, 3]);
    expect(asked).toBe(3);
  });

  it('fails with a TimeoutError when time runs out, and stops asking', async () => {
    let asked = 0;
    const poll = pollUntil(() => defer(() => of(++asked)), () => false, { interval: 0.01, timeout: 0.05 }, 'never');
    await expectAsync(lastValueFrom(poll)).toBeRejectedWith(jasmine.any(TimeoutError));
    const after = asked;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked).toBe(after);
  });

  it('asks at once, then waits what the schedule says after each answer, given the interval', async () => {
    let asked = 0;
    const schedule = jasmine.createSpy<PollSchedule>('schedule').and.callFake((answered) => answered);
    const answers = await lastValueFrom(
      pollUntil(() => defer(() => of(++asked)), (n) => n === 4, { interval: 7, timeout: 5 }, 'scheduled', schedule).pipe(toArray()),
    );
    expect(answers).toEqual([1, 2, 3, 4]);
    expect(schedule.calls.allArgs()).toEqual([
      [1, 7000],
      [2, 7000],
      [3, 7000],
    ]);
  });
});
