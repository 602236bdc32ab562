import { readFileSync } from 'node:fs';

/**
 * This process's peak resident set size in bytes. On Linux, `VmHWM` of /proc/self/status: the high-water mark of
 * this process's own memory since exec. Not `process.resourceUsage().maxRSS`: Linux carries `ru_maxrss` across
 * fork and exec, so a child reports its parent's peak when that was higher (here: the emulator holding uploads).
 * Elsewhere, the highest of the samples taken by {@link sampleRss}.
 */
export function peakRssBytes(sampled: number): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // No procfs: fall back to the samples.
  }
  return Math.max(sampled, process.memoryUsage.rss());
}

/** Samples the RSS every `intervalMs` until stopped; resolves nothing, keeps the highest in `peak()`. */
export function sampleRss(intervalMs = 5): { peak(): number; stop(): void } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), intervalMs);
  timer.unref();
  return { peak: () => peak, stop: () => clearInterval(timer) };
}
