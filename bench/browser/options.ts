/** What `npm run bench:browser` measures. */
export interface BrowserBenchOptions {
  /** Measured rounds (after one warm-up); each runs every task for both sides. */
  readonly rounds: number;
  /** Size of the uploaded Blob, MiB. */
  readonly uploadMiB: number;
  /** Files the emulator holds for the listing. */
  readonly files: number;
  /** Files per page of the listing (the REST API's default, 100). */
  readonly pageSize: number;
  /** Write docs/benchmarks-browser.md instead of printing the report. */
  readonly write: boolean;
}

export const DEFAULT_BROWSER_BENCH: BrowserBenchOptions = { rounds: 7, uploadMiB: 100, files: 10_000, pageSize: 100, write: false };

export const BROWSER_BENCH_USAGE = `Usage: npm run bench:browser -- [--rounds N] [--upload-mib N] [--files N] [--page-size N] [--write]

In headless Chromium (CHROME_BIN, default /usr/bin/chromium), one page runs rxuploadcare and the official clients
(@uploadcare/upload-client, @uploadcare/rest-client) against the emulator on loopback: a Blob upload with a progress
bar drawn on every tick, and a listing of every file, page by page. Each side's time is taken in the page; the
main thread's long tasks (over 50 ms) are counted while each runs.

  --rounds N      measured rounds after one warm-up (default ${DEFAULT_BROWSER_BENCH.rounds})
  --upload-mib N  size of the uploaded Blob in MiB (default ${DEFAULT_BROWSER_BENCH.uploadMiB})
  --files N       files the emulator holds for the listing (default ${DEFAULT_BROWSER_BENCH.files})
  --page-size N   files per page (default ${DEFAULT_BROWSER_BENCH.pageSize})
  --write         write docs/benchmarks-browser.md (default: print the report)`;

/** The options of a command line, or null for --help. Throws an Error naming a bad argument. */
export function parseBrowserBenchArgs(args: readonly string[]): BrowserBenchOptions | null {
  const options: { -readonly [K in keyof BrowserBenchOptions]: BrowserBenchOptions[K] } = { ...DEFAULT_BROWSER_BENCH };
  const numeric: Record<string, 'rounds' | 'uploadMiB' | 'files' | 'pageSize'> = {
    '--rounds': 'rounds',
    '--upload-mib': 'uploadMiB',
    '--files': 'files',
    '--page-size': 'pageSize',
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--help' || arg === '-h') return null;
    if (arg === '--write') {
      options.write = true;
      continue;
    }
    const key = numeric[arg];
    if (!key) throw new Error(`Unknown argument ${arg}\n\n${BROWSER_BENCH_USAGE}`);
    const value = Number(args[++i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive integer, not ${args[i] ?? 'nothing'}`);
    options[key] = value;
  }
  return options;
}
