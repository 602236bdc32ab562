import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { closingLine, type RunTotals } from './counting-reporter.js';

// Runs every Node spec (spec/**/*.spec.ts and the emulator package's emulator/spec/**/*.spec.ts, isomorphic and
// *.node.spec.ts) in parallel Jasmine processes ("shards").
// Most of the suite waits on loopback I/O and child processes, so a few shards finish far sooner than one process.
// Files are balanced by the durations of the previous run (build/spec-durations.json), else by their size.
// With arguments (spec files), runs just those in one process, without building (the specs that need a build make
// their own).
// It builds dist/ first (npm run build) and tells the shards so (RXUC_DIST_BUILT=1): the specs of the built package
// and of the built CLI then use that build instead of each building their own.
//   RXUC_SPEC_SHARDS  number of shards (default: cores + 1, at least 2)

const root = resolve(__dirname, '../..');
const durationsFile = join(root, 'build/spec-durations.json');
const jasmineArgs = ['--import', 'tsx', join(root, 'node_modules/jasmine/bin/jasmine.js'), '--config=spec/support/jasmine.json'];

interface ShardOutcome {
  readonly name: string;
  readonly exitCode: number;
  readonly output: string;
  readonly totals: RunTotals | undefined;
}

function specFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return specFiles(path);
      return entry.name.endsWith('.spec.ts') ? [relative(root, path)] : [];
    })
    .sort();
}

function readDurations(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(durationsFile, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

/** Longest-processing-time-first: each file, heaviest first, goes to the lightest shard. */
function partition(files: readonly string[], count: number): string[][] {
  const known = readDurations();
  const weight = (file: string): number => known[file] ?? statSync(join(root, file)).size / 10;
  const shards = Array.from({ length: count }, () => ({ files: [] as string[], load: 0 }));
  for (const file of [...files].sort((a, b) => weight(b) - weight(a))) {
    const lightest = shards.reduce((min, shard) => (shard.load < min.load ? shard : min));
    lightest.files.push(file);
    lightest.load += weight(file);
  }
  return shards.map((shard) => shard.files).filter((shard) => shard.length > 0);
}

function runShard(name: string, files: readonly string[], built: boolean): Promise<ShardOutcome> {
  const resultsOut = join(root, `build/spec-results-${process.pid}-${name.replace(/\W/g, '')}.json`);
  rmSync(resultsOut, { force: true });
  return new Promise((done) => {
    const child = spawn(process.execPath, [...jasmineArgs, ...files], {
      cwd: root,
      env: { ...process.env, RXUC_RESULTS_OUT: resultsOut, RXUC_SHARD_NAME: name, ...(built ? { RXUC_DIST_BUILT: '1' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code, signal) => {
      const totals = existsSync(resultsOut) ? (JSON.parse(readFileSync(resultsOut, 'utf8')) as RunTotals) : undefined;
      rmSync(resultsOut, { force: true });
      done({ name, exitCode: code ?? (signal ? 1 : 0), output, totals });
    });
  });
}

async function main(): Promise<void> {
  mkdirSync(join(root, 'build'), { recursive: true });
  const args = process.argv.slice(2);
  const shardCount = Math.max(2, Number(process.env['RXUC_SPEC_SHARDS'] ?? cpus().length + 1) || 2);
  const groups = args.length > 0 ? [args] : partition([...specFiles(join(root, 'spec')), ...specFiles(join(root, 'emulator/spec'))], shardCount);
  const built = args.length === 0;
  if (built) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  console.log(`Running ${groups.flat().length} spec files in ${groups.length} Jasmine process(es)`);

  const started = Date.now();
  const outcomes = await Promise.all(
    groups.map(async (files, i) => {
      const outcome = await runShard(`shard ${i + 1}`, files, built);
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`\n===== ${outcome.name} (${files.length} files, done after ${seconds} s, exit ${outcome.exitCode}) =====`);
      console.log(outcome.output.trimEnd());
      return outcome;
    }),
  );

  const totals = { passed: 0, failed: 0, skipped: 0 };
  const durations: Record<string, number> = { ...readDurations() };
  for (const { totals: shard } of outcomes) {
    if (!shard) continue;
    totals.passed += shard.passed;
    totals.failed += shard.failed;
    totals.skipped += shard.skipped;
    Object.assign(durations, shard.fileDurations);
  }
  writeFileSync(durationsFile, JSON.stringify(durations, null, 1));
  const slowest = Object.entries(durations)
    .filter(([file]) => groups.flat().includes(file))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  console.log(`\nSlowest spec files: ${slowest.map(([file, ms]) => `${file} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);

  const broken = outcomes.filter((outcome) => outcome.exitCode !== 0 || !outcome.totals);
  for (const outcome of broken) console.error(`${outcome.name} failed (exit ${outcome.exitCode}${outcome.totals ? '' : ', no results'})`);
  console.log(`\n${closingLine('node', totals)}`);
  if (totals.passed + totals.failed === 0) {
    console.error('No spec was executed: failing the run.');
    process.exit(1);
  }
  process.exit(broken.length > 0 || totals.failed > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
