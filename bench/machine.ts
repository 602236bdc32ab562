import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** Where the benchmark ran. */
export interface Machine {
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly os: string;
  /** Load averages over 1, 5 and 15 minutes when described: other work on the machine skews the timings. */
  readonly loadAverage: readonly number[];
}

/** Describes this machine. */
export function describeMachine(): Machine {
  const list = cpus();
  return {
    cores: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAverage: loadavg(),
  };
}
