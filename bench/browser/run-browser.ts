/**
 * `npm run bench:browser`: rxuploadcare against the official clients in headless Chromium (one page, the emulator on
 * loopback): a Blob upload with a progress bar and a listing of every file, timed in the page, with the main thread's
 * long tasks counted. Writes docs/benchmarks-browser.md with --write (see --help).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { startEmulator } from 'rxuploadcare-emulator';
import { REPO_ROOT } from '../bundle.js';
import { parseBrowserBenchArgs, BROWSER_BENCH_USAGE, type BrowserBenchOptions } from './options.js';
import type { BrowserSide, BrowserTask, PageSettings, TaskResult } from './protocol.js';
import { renderBrowserReport, type BrowserRound } from './report.js';

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const SIDES: readonly BrowserSide[] = ['rxuploadcare', 'official'];
const TASKS: readonly BrowserTask[] = ['list', 'upload'];

async function pageScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(REPO_ROOT, 'bench/browser/page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Serves the page and its script on loopback (a page of this machine: the emulator answers it as a web app). */
async function servePage(script: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === '/page.js') return void res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>bench</title><body><script src="/page.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

export async function runBrowserBench(options: BrowserBenchOptions, log: (line: string) => void): Promise<string> {
  const loadBefore = loadavg()[0]!;
  const emulator = await startEmulator({ port: 0, seedFiles: options.files });
  const page = await servePage(await pageScript());
  const browser = await chromium.launch({ executablePath: process.env['CHROME_BIN'] ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const tab = await browser.newPage();
    tab.on('pageerror', (error) => log(`page error: ${error.message}`));
    await tab.goto(page.url);
    await tab.waitForFunction(() => typeof (globalThis as { runTask?: unknown }).runTask === 'function');
    const settings: PageSettings = {
      base: emulator.url,
      publicKey: 'demopublickey',
      secretKey: 'demosecretkey',
      uploadBytes: options.uploadMiB * 1024 * 1024,
      pageSize: options.pageSize,
    };
    const run = (task: BrowserTask, side: BrowserSide): Promise<TaskResult> =>
      tab.evaluate(
        ([t, s, p]) => (globalThis as unknown as { runTask: (task: BrowserTask, side: BrowserSide, settings: PageSettings) => Promise<TaskResult> }).runTask(t, s, p),
        [task, side, settings] as const,
      );
    // One warm-up of each, not counted: the first run of a side pays for compiling its code.
    for (const task of TASKS) for (const side of SIDES) await run(task, side);
    const rounds: BrowserRound[] = [];
    for (let round = 0; round < options.rounds; round++) {
      // Alternate which side goes first, so neither always runs on a warmer (or more fragmented) page.
      const order = round % 2 === 0 ? SIDES : [...SIDES].reverse();
      const results: Partial<Record<BrowserTask, Partial<Record<BrowserSide, TaskResult>>>> = {};
      for (const task of TASKS) {
        for (const side of order) {
          const result = await run(task, side);
          (results[task] ??= {})[side] = result;
          log(`round ${round + 1}/${options.rounds} ${task} ${side}: ${result.ms.toFixed(0)} ms, ${result.items} items, ${result.longTasks} long tasks`);
        }
      }
      rounds.push(results as BrowserRound);
    }
    const version = await browser.version();
    return renderBrowserReport({
      rounds,
      options,
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Math.round(totalmem() / 1024 ** 3) },
      load: { before: loadBefore, after: loadavg()[0]! },
      chromium: version,
      date: new Date(),
    });
  } finally {
    await browser.close();
    await new Promise((resolve) => page.server.close(resolve));
    await emulator.close();
  }
}

async function main(): Promise<void> {
  const options = parseBrowserBenchArgs(process.argv.slice(2));
  if (!options) {
    console.log(BROWSER_BENCH_USAGE);
    return;
  }
  const markdown = await runBrowserBench(options, (line) => console.error(line));
  if (options.write) {
    const out = join(REPO_ROOT, 'docs/benchmarks-browser.md');
    await writeFile(out, markdown);
    console.error(`Wrote ${out}`);
  } else {
    console.log(markdown);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
