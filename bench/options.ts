import { SIDES, type Side } from './worker/protocol.js';

/** The scenarios of issue 8, in report order. */
export const SCENARIO_IDS = [
  'list-100',
  'list-1000',
  'multipart',
  'multipart-stream',
  'small-uploads',
  'from-url-small',
  'from-url',
  'from-url-slow',
  'store-delete',
  'info',
  'thumbnails',
] as const;
/** One scenario's id. */
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** Sizes, rounds and what to run. Plain data: every field has a default, every one is a flag. */
export interface BenchOptions {
  /** Whole runs, one after the other: each ratio is reported as its spread (min-max) over the runs. */
  readonly runs: number;
  /** Rounds per run; each round runs every side once per scenario, sides in a rotating order. */
  readonly rounds: number;
  /** Files listed in the list scenarios. */
  readonly listFiles: number;
  /** Size of the multipart upload from a path, in MiB (at least 10, the Upload API's multipart minimum). */
  readonly multipartMiB: number;
  /** Size of the multipart upload from a stream, in MiB (at least 10). */
  readonly multipartStreamMiB: number;
  /** Files of the small-uploads scenario. */
  readonly smallFiles: number;
  /** Size of each small file, in KiB. */
  readonly smallKiB: number;
  /** Small uploads in flight at once. */
  readonly smallConcurrency: number;
  /** Size of the source served on loopback for the upload from URL (`from-url`), in MiB. */
  readonly fromUrlMiB: number;
  /** Size of the small source (`from-url-small`), in MiB. */
  readonly fromUrlSmallMiB: number;
  /** Size of the slow source (`from-url-slow`), in KiB. */
  readonly fromUrlSlowKiB: number;
  /** How fast the slow source is served, in KiB per second. */
  readonly fromUrlSlowKiBps: number;
  /** Files stored and then deleted in the batch scenario. */
  readonly batchFiles: number;
  /** Sequential `file info` calls. */
  readonly infoCalls: number;
  /** Image files whose thumbnails are fetched through the CDN (`-/preview/…/-/format/…/`), each rendered anew. */
  readonly thumbnails: number;
  readonly scenarios: readonly ScenarioId[];
  readonly sides: readonly Side[];
  /** The Markdown report to write; '' writes none. */
  readonly out: string;
  /** Re-render the report from the results a previous run saved (JSON) instead of running; '' runs. */
  readonly fromResults: string;
  /** Longest a single run may take before it is killed and the benchmark fails, in seconds. */
  readonly runTimeoutSeconds: number;
}

/** The sizes of issues 8 and 18 (3 runs of 7 rounds). */
export const DEFAULT_BENCH_OPTIONS: BenchOptions = Object.freeze({
  runs: 3,
  rounds: 7,
  listFiles: 10_000,
  multipartMiB: 256,
  multipartStreamMiB: 1024,
  smallFiles: 1000,
  smallKiB: 16,
  smallConcurrency: 8,
  fromUrlMiB: 50,
  fromUrlSmallMiB: 1,
  fromUrlSlowKiB: 1024,
  fromUrlSlowKiBps: 512,
  batchFiles: 5000,
  infoCalls: 2000,
  thumbnails: 100,
  scenarios: SCENARIO_IDS,
  sides: SIDES,
  out: 'docs/benchmarks.md',
  fromResults: '',
  runTimeoutSeconds: 300,
});

/** Where every run saves its raw results, for `--from-results`. */
export const RESULTS_FILE = 'build/bench/last-results.json';

/** A flag the benchmark does not understand, or a bad value. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

interface NumberFlag {
  readonly key: keyof BenchOptions;
  readonly min: number;
  readonly help: string;
}

const NUMBER_FLAGS: Readonly<Record<string, NumberFlag>> = {
  '--runs': { key: 'runs', min: 1, help: 'whole runs; ratios are reported as their spread over the runs' },
  '--rounds': { key: 'rounds', min: 1, help: 'rounds per scenario and run, each side once per round' },
  '--list-files': { key: 'listFiles', min: 1, help: 'files listed (scenarios list-100 and list-1000)' },
  '--multipart-mib': { key: 'multipartMiB', min: 10, help: 'size of the multipart upload from disk, MiB' },
  '--multipart-stream-mib': { key: 'multipartStreamMiB', min: 10, help: 'size of the multipart upload from a stream, MiB' },
  '--small-files': { key: 'smallFiles', min: 1, help: 'number of small uploads' },
  '--small-kib': { key: 'smallKiB', min: 1, help: 'size of each small upload, KiB' },
  '--small-concurrency': { key: 'smallConcurrency', min: 1, help: 'small uploads in flight at once' },
  '--from-url-mib': { key: 'fromUrlMiB', min: 1, help: 'size of the loopback source of from-url, MiB' },
  '--from-url-small-mib': { key: 'fromUrlSmallMiB', min: 1, help: 'size of the loopback source of from-url-small, MiB' },
  '--from-url-slow-kib': { key: 'fromUrlSlowKiB', min: 1, help: 'size of the slow source of from-url-slow, KiB' },
  '--from-url-slow-kibps': { key: 'fromUrlSlowKiBps', min: 1, help: 'speed of the slow source, KiB per second' },
  '--batch-files': { key: 'batchFiles', min: 1, help: 'files stored then deleted in batches' },
  '--info-calls': { key: 'infoCalls', min: 1, help: 'sequential file info calls' },
  '--thumbnails': { key: 'thumbnails', min: 1, help: 'thumbnails fetched through the CDN, 6 at a time' },
  '--run-timeout': { key: 'runTimeoutSeconds', min: 1, help: 'seconds one run may take before the benchmark fails' },
};

/** `--help` text. */
export function usage(): string {
  const defaults = DEFAULT_BENCH_OPTIONS as unknown as Record<string, unknown>;
  const lines = Object.entries(NUMBER_FLAGS).map(([flag, { key, help }]) => `  ${`${flag} N`.padEnd(24)}${help} (default ${String(defaults[key])})`);
  return [
    'npm run bench -- [flags]',
    '',
    'Runs every scenario for rxuploadcare, the official @uploadcare clients and a raw node:http floor against a local',
    'emulator, one child process per run, and writes the Markdown report.',
    '',
    ...lines,
    `  ${'--scenarios a,b'.padEnd(24)}scenarios to run, of ${SCENARIO_IDS.join(', ')} (default all)`,
    `  ${'--sides a,b'.padEnd(24)}sides to run, of ${SIDES.join(', ')} (default all)`,
    `  ${'--out PATH'.padEnd(24)}report to write; --out '' writes none (default ${DEFAULT_BENCH_OPTIONS.out})`,
    `  ${'--from-results PATH'.padEnd(24)}re-render the report from saved results (every run saves ${RESULTS_FILE}) without running`,
    `  ${'--help'.padEnd(24)}this text`,
  ].join('\n');
}

/** Parses the command line; null means `--help`. @throws BenchUsageError for an unknown flag or a bad value. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions | null {
  const options: Record<string, unknown> = { ...DEFAULT_BENCH_OPTIONS };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return null;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const numeric = NUMBER_FLAGS[flag];
    if (!numeric && !['--scenarios', '--sides', '--out', '--from-results'].includes(flag)) throw new BenchUsageError(`Unknown flag ${flag}; see --help`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new BenchUsageError(`${flag} needs a value`);
    if (numeric) options[numeric.key] = checkedNumber(flag, value, numeric.min);
    else if (flag === '--scenarios') options['scenarios'] = checkedList(flag, value, SCENARIO_IDS);
    else if (flag === '--sides') options['sides'] = checkedList(flag, value, SIDES);
    else if (flag === '--from-results') options['fromResults'] = value;
    else options['out'] = value;
  }
  return options as unknown as BenchOptions;
}

function checkedNumber(flag: string, value: string, min: number): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < min) throw new BenchUsageError(`${flag} must be an integer >= ${min}, not ${JSON.stringify(value)}`);
  return number;
}

function checkedList<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0 || items.length === 0) throw new BenchUsageError(`${flag} takes some of ${allowed.join(', ')}; got ${JSON.stringify(value)}`);
  return allowed.filter((item) => items.includes(item));
}
