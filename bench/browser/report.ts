import type { BrowserBenchOptions } from './options.js';
import type { BrowserSide, BrowserTask, TaskResult } from './protocol.js';

/** One measured round: every task, both sides. */
export type BrowserRound = Readonly<Record<BrowserTask, Readonly<Record<BrowserSide, TaskResult>>>>;

export interface BrowserReportInput {
  readonly rounds: readonly BrowserRound[];
  readonly options: BrowserBenchOptions;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly memoryGiB: number };
  /** One-minute load average when the run started and when it ended. */
  readonly load: { readonly before: number; readonly after: number };
  readonly chromium: string;
  readonly date: Date;
}

/** The issue 18 target: rxuploadcare's time at most the official clients' in every round. */
const TARGET_RATIO = 1.0;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Per task: the ratio of each round, its median and spread, the sides' median times and their long tasks. */
export function summarise(rounds: readonly BrowserRound[], task: BrowserTask) {
  const ratios = rounds.map((round) => round[task].rxuploadcare.ms / round[task].official.ms);
  const side = (name: BrowserSide) => ({
    medianMs: median(rounds.map((round) => round[task][name].ms)),
    longTasks: rounds.reduce((sum, round) => sum + round[task][name].longTasks, 0),
    longestTaskMs: Math.max(0, ...rounds.map((round) => round[task][name].longestTaskMs)),
    items: median(rounds.map((round) => round[task][name].items)),
  });
  return { ratio: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), rxuploadcare: side('rxuploadcare'), official: side('official') };
}

const TITLES: Record<BrowserTask, (options: BrowserBenchOptions) => string> = {
  upload: (options) => `Upload a ${options.uploadMiB} MiB Blob, progress bar drawn on every tick`,
  list: (options) => `List ${options.files.toLocaleString('en')} files, ${options.pageSize} per page`,
};

export function renderBrowserReport(input: BrowserReportInput): string {
  const { rounds, options, machine, load } = input;
  const tasks: BrowserTask[] = ['upload', 'list'];
  const rows = tasks.map((task) => {
    const s = summarise(rounds, task);
    const met = s.max <= TARGET_RATIO ? 'met in every round' : s.ratio <= TARGET_RATIO ? 'median met, not every round' : 'not met';
    return {
      task,
      s,
      line:
        `| ${TITLES[task](options)} | **${s.ratio.toFixed(2)}x** (${s.min.toFixed(2)}x–${s.max.toFixed(2)}x) | ` +
        `${s.rxuploadcare.medianMs.toFixed(0)} ms / ${s.official.medianMs.toFixed(0)} ms | ` +
        `${s.rxuploadcare.longTasks} (longest ${s.rxuploadcare.longestTaskMs.toFixed(0)} ms) / ${s.official.longTasks} (longest ${s.official.longestTaskMs.toFixed(0)} ms) | ${met} |`,
    };
  });
  const ticks = summarise(rounds, 'upload');
  return `# Browser benchmarks

rxuploadcare against the official clients (\`@uploadcare/upload-client\`, \`@uploadcare/rest-client\`) in one page of
headless Chromium ${input.chromium}, the emulator on loopback. Written by \`npm run bench:browser -- --write\`
(bench/browser/); ${rounds.length} measured rounds after one warm-up, the side that goes first alternating. Each time
is taken in the page (\`performance.now()\`); long tasks are the main thread's tasks over 50 ms, as Chromium's
\`longtask\` entries report them, counted while each side ran.

Run on ${input.date.toISOString().slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; one-minute
load ${load.before.toFixed(2)} at the start, ${load.after.toFixed(2)} at the end.

| Task | rxuploadcare / official (median, min–max over rounds) | median time, rxuploadcare / official | long tasks over all rounds, rxuploadcare / official | target ≤ ${TARGET_RATIO.toFixed(1)}x |
| --- | ---: | ---: | ---: | --- |
${rows.map((row) => row.line).join('\n')}

- Both upload the Blob in parts (multipart: above 10 MiB for rxuploadcare, 25 MiB for the upload client), each with
  its default part size and concurrency; a round's page draws ${ticks.rxuploadcare.items.toFixed(0)} progress ticks for rxuploadcare and
  ${ticks.official.items.toFixed(0)} for the upload client (medians).
- The listing signs each page with the secret key in the page (WebCrypto HMAC in both clients): acceptable for a
  benchmark on loopback, never for an app (docs/configuration.md: use a \`signatureResolver\`).
- The target of issue 18 (≤ 1.0x the official time, no long task caused by the library) holds only where the
  min–max column stays at or under 1.0x and rxuploadcare's long-task count is 0; a single run on one machine is not
  proof that it holds elsewhere (docs/benchmarks.md gives the Node figures and their spread).
`;
}
