import { ProgressBar, renderProgressLine } from '../../lib/cli/output/progress-bar.js';
import { formatBytes, formatRate } from '../../lib/cli/output/format.js';

class Terminal {
  readonly writes: string[] = [];
  readonly isTTY: boolean;
  readonly columns = 100;
  constructor(isTTY: boolean) {
    this.isTTY = isTTY;
  }
  write(text: string): boolean {
    this.writes.push(text);
    return true;
  }
}

describe('renderProgressLine', () => {
  it('shows label, bar, percent, bytes and rate', () => {
    const line = renderProgressLine({ label: 'photo.jpg', done: 512 * 1024, total: 1024 * 1024 }, 1000, 100);
    expect(line).toContain('photo.jpg');
    expect(line).toContain(' 50%');
    expect(line).toContain('512.0 KiB / 1.0 MiB');
    expect(line).toContain('512.0 KiB/s');
    expect(line).toMatch(/\[#+-+\]/);
    expect(line.length).toBeLessThan(100);
  });

  it('shows bytes without a percent when the total is unknown', () => {
    const line = renderProgressLine({ label: 'x', done: 2048, total: null }, 0, 80);
    expect(line).not.toContain('%');
    expect(line).toContain('2.0 KiB');
    expect(line).toContain('<=>');
  });

  it('fits narrow terminals', () => {
    const line = renderProgressLine({ label: 'a-very-long-file-name-indeed.tar.gz', done: 1, total: 2 }, 10, 40);
    expect(line.length).toBeLessThan(40);
  });
});

describe('formatBytes / formatRate', () => {
  it('uses binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GiB');
    expect(formatRate(2 * 1024 * 1024, 1000)).toBe('2.0 MiB/s');
  });
});

describe('ProgressBar', () => {
  it('redraws in place with \\r, throttled, and always draws the final state', () => {
    let now = 0;
    const terminal = new Terminal(true);
    const bar = new ProgressBar(terminal, 'f', { now: () => now, minIntervalMs: 100 });
    bar.update(10, 100);
    now = 50;
    bar.update(20, 100); // within the interval: not drawn
    now = 150;
    bar.update(30, 100);
    bar.update(100, 100); // same instant: throttled, but finish draws it
    bar.finish();
    const draws = terminal.writes.filter((w) => w.startsWith('\r'));
    expect(draws.length).toBe(3);
    expect(draws[0]).toContain(' 10%');
    expect(draws[1]).toContain(' 30%');
    expect(draws[2]).toContain('100%');
    expect(terminal.writes[terminal.writes.length - 1]).toBe('\n');
  });

  it('draws a throttled update when the interval ends (trailing redraw), so a stalled transfer shows its last state', () => {
    let now = 0;
    const timers: { callback: () => void; ms: number; cancelled: boolean }[] = [];
    const terminal = new Terminal(true);
    const bar = new ProgressBar(terminal, 'f', {
      now: () => now,
      minIntervalMs: 100,
      startTimer: (callback, ms) => {
        const timer = { callback, ms, cancelled: false };
        timers.push(timer);
        return () => (timer.cancelled = true);
      },
    });
    bar.update(0, 100);
    now = 10;
    bar.update(40, 100); // too soon: a redraw is scheduled for the end of the interval
    bar.update(60, 100); // still too soon: the same redraw will show it
    expect(timers.length).toBe(1);
    expect(timers[0]?.ms).toBe(90);
    now = 100;
    timers[0]?.callback();
    const draws = terminal.writes.filter((w) => w.startsWith('\r'));
    expect(draws.length).toBe(2);
    expect(draws[1]).toContain(' 60%');
    now = 150;
    bar.update(70, 100);
    bar.finish();
    expect(timers[1]?.cancelled).toBeTrue();
  });

  it('writes nothing when the sink is not a terminal', () => {
    const pipe = new Terminal(false);
    const bar = new ProgressBar(pipe, 'f');
    bar.update(1, 2);
    bar.finish();
    expect(pipe.writes).toEqual([]);
  });
});
