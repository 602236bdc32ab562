// Measures the start-up figures of docs/toolchain.md on this machine:
//   build from clean  `node scripts/build.mjs` with no dist/ (target: 20 s or less on a 2-core machine)
//   warm npm start    `npm start` with dist/ up to date, until the emulator's banner (target: 3 s or less)
//
//   node scripts/measure-startup.mjs [--runs N]           measure (median of N runs, default 3) and print
//   node scripts/measure-startup.mjs [--runs N] --write   and write the figures into docs/toolchain.md
//
// It empties dist/ and emulator/dist/ (then builds them again) and starts the emulator on a free port.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOC = join(root, 'docs/toolchain.md');
const BEGIN = '<!-- start-up figures: written by node scripts/measure-startup.mjs --write -->';
const END = '<!-- end of start-up figures -->';
const TARGETS = { build: 20, start: 3 };

/** Runs a command until `done(output)` holds (or it exits); returns the seconds taken. Stops what it started. */
function timed(command, args, done = () => false) {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolveRun, fail) => {
    const finish = (error) => {
      const seconds = (performance.now() - started) / 1000;
      if (child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      if (error) fail(error);
      else resolveRun(seconds);
    };
    const read = (chunk) => {
      output += chunk;
      if (done(output)) finish();
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.on('exit', (code) => {
      if (done(output)) return;
      finish(code === 0 ? undefined : new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`));
    });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(runs) {
  const build = [];
  const start = [];
  for (let i = 0; i < runs; i++) {
    for (const dist of ['dist', 'emulator/dist']) rmSync(join(root, dist), { recursive: true, force: true });
    build.push(await timed(process.execPath, ['scripts/build.mjs']));
  }
  for (let i = 0; i < runs; i++) {
    start.push(await timed('npm', ['start', '--', '--port', '0'], (output) => /listening on http/.test(output)));
  }
  return { build: median(build), start: median(start), runs, cores: availableParallelism(), load: loadavg()[0] };
}

function render({ build, start, runs, cores, load }) {
  const verdict = (seconds, target) => (seconds <= target ? `within the target (${target} s)` : `over the target (${target} s)`);
  return [
    BEGIN,
    `| figure | measured | |`,
    `| --- | --- | --- |`,
    `| build from clean (\`node scripts/build.mjs\`, no dist/) | ${build.toFixed(1)} s | ${verdict(build, TARGETS.build)} |`,
    `| warm \`npm start\` to the banner (dist/ up to date) | ${start.toFixed(1)} s | ${verdict(start, TARGETS.start)} |`,
    '',
    `Median of ${runs} runs on ${cores} cores, Node ${process.versions.node}, load average ${load.toFixed(1)} when measured.`,
    END,
  ].join('\n');
}

async function main() {
  const runsFlag = process.argv.indexOf('--runs');
  const runs = runsFlag === -1 ? 3 : Number(process.argv[runsFlag + 1]);
  const block = render(await measure(runs));
  console.log(block);
  if (!process.argv.includes('--write')) return;
  const doc = readFileSync(DOC, 'utf8');
  const from = doc.indexOf(BEGIN);
  const to = doc.indexOf(END);
  if (from === -1 || to === -1) throw new Error(`${DOC} has no start-up block (${BEGIN} ... ${END})`);
  writeFileSync(DOC, doc.slice(0, from) + block + doc.slice(to + END.length));
  console.log(`Wrote the figures into ${DOC}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
