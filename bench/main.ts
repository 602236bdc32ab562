/**
 * `npm run bench`: rxuploadcare against the official clients and a raw `node:http` floor, on the emulator, in one
 * run; writes docs/benchmarks.md (see --help).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from './bundle.js';
import { BenchUsageError, parseBenchArgs, RESULTS_FILE, usage } from './options.js';
import { renderReport } from './report.js';
import { runBenchmark, type BenchReport } from './run.js';

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  if (!options) {
    console.log(usage());
    return;
  }
  const report = options.fromResults ? await loadResults(resolve(REPO_ROOT, options.fromResults)) : await runBenchmark(options, (line) => console.error(line));
  if (!options.fromResults) await writeFile(join(REPO_ROOT, RESULTS_FILE), JSON.stringify(report, null, 1));
  const analysis = await readFile(join(REPO_ROOT, 'bench', 'analysis.md'), 'utf8').catch(() => '');
  const markdown = renderReport(report, analysis);
  if (options.out) {
    const out = resolve(REPO_ROOT, options.out);
    await writeFile(out, markdown);
    console.error(`Wrote ${out}`);
  } else {
    console.log(markdown);
  }
}

async function loadResults(path: string): Promise<BenchReport> {
  const saved = JSON.parse(await readFile(path, 'utf8')) as BenchReport;
  return { ...saved, startedAt: new Date(saved.startedAt), runs: saved.runs.map((run) => ({ ...run, startedAt: new Date(run.startedAt) })) };
}

main().catch((error: unknown) => {
  if (error instanceof BenchUsageError) console.error(`${error.message}\n\n${usage()}`);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
