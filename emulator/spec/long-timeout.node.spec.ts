import { setLongTimeout } from '../lib/long-timeout.js';

// The emulator's own long timer (faults' latencies, Retry-After waits): setTimeout alone fires at once past 2^31 - 1 ms.
describe("the emulator's setLongTimeout", () => {
  const MAX = 2 ** 31 - 1;
  let fired: number;
  const count = (): void => void (fired += 1);

  beforeEach(() => {
    fired = 0;
    jasmine.clock().install();
  });
  afterEach(() => jasmine.clock().uninstall());

  it('waits the whole of a delay longer than setTimeout honours, in steps it honours', () => {
    // The mock clock would honour any delay: the delays asked of it show that no step is longer than the real one allows.
    const mocked = globalThis.setTimeout;
    const delays: unknown[] = [];
    globalThis.setTimeout = ((handler: () => void, ms?: number) => (delays.push(ms), mocked(handler, ms))) as typeof setTimeout;
    try {
      setLongTimeout(count, MAX * 2 + 10);
      jasmine.clock().tick(MAX);
      jasmine.clock().tick(MAX);
      expect(fired).toBe(0);
      jasmine.clock().tick(10);
      expect(fired).toBe(1);
    } finally {
      globalThis.setTimeout = mocked;
    }
    expect(delays).toEqual([MAX, MAX, 10]);
  });

  it('is cancelled by the function it returns, also after a step', () => {
    const cancel = setLongTimeout(count, MAX + 5);
    jasmine.clock().tick(MAX);
    cancel();
    jasmine.clock().tick(10);
    expect(fired).toBe(0);
  });

  it('never fires for Infinity; fires at once for NaN and negative delays', () => {
    setLongTimeout(count, Infinity);
    jasmine.clock().tick(MAX * 3);
    expect(fired).toBe(0);
    setLongTimeout(count, NaN);
    setLongTimeout(count, -5);
    jasmine.clock().tick(0);
    expect(fired).toBe(2);
  });
});
