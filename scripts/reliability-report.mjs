#!/usr/bin/env node
// Writes the figures of the last chaos run (build/chaos-figures/<scenario>.json, written by the spec/chaos specs) into
// docs/reliability.md, between the `figures:start` and `figures:end` markers. Nothing here is typed by hand: run the
// chaos specs (`npm run test:chaos`, or `CHAOS_SCALE=full npm run test:chaos`), then this script.
import { readdir, readFile, writeFile } from 'node:fs/promises';

const FIGURES = 'build/chaos-figures';
const DOC = 'docs/reliability.md';
const START = '<!-- figures:start (written by scripts/reliability-report.mjs; do not edit by hand) -->';
const END = '<!-- figures:end -->';
/** Display order; scenarios not listed here follow in file-name order. */
const ORDER = [
  'throttle-storm',
  'throttle-budget-0',
  'faults-multipart',
  'faults-rest',
  'cancellation',
  'hostile-input',
  'server-garbage',
  'emulator-robustness',
  'secrets-signed',
  'secrets-simple',
  'secrets-processes',
];

const cell = (value) => String(value).replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function render(scenarios) {
  const keys = [...ORDER.filter((key) => key in scenarios), ...Object.keys(scenarios).filter((key) => !ORDER.includes(key))];
  if (keys.length === 0) return '_No chaos run recorded yet: run `npm run test:chaos`._';
  return keys
    .map((key) => {
      const { title, figures, scale, recordedAt } = scenarios[key];
      const rows = Object.entries(figures).map(([label, value]) => `| ${cell(label)} | ${cell(value)} |`);
      return [`### ${title}`, '', `Scale \`${scale}\`, recorded ${recordedAt}.`, '', '| figure | value |', '|---|---|', ...rows].join('\n');
    })
    .join('\n\n');
}

const names = (await readdir(FIGURES).catch(() => [])).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
const scenarios = {};
for (const name of names) {
  const scenario = JSON.parse(await readFile(`${FIGURES}/${name}`, 'utf8'));
  scenarios[scenario.key] = scenario;
}
const doc = await readFile(DOC, 'utf8');
const start = doc.indexOf(START);
const end = doc.indexOf(END);
if (start < 0 || end < start) throw new Error(`${DOC} lacks the figures markers`);
await writeFile(DOC, `${doc.slice(0, start + START.length)}\n\n${render(scenarios)}\n\n${doc.slice(end)}`);
console.log(`${DOC}: figures of ${names.length} scenarios written from ${FIGURES}/`);
