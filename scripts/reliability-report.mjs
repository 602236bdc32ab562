#!/usr/bin/env node
// Writes the figures of the last chaos run (build/chaos-figures.json, written by the spec/chaos specs) into
// docs/reliability.md, between the `figures:start` and `figures:end` markers. Nothing here is typed by hand: run the
// chaos specs (`npm run test:chaos`, or `CHAOS_SCALE=full npm run test:chaos`), then this script.
import { readFile, writeFile } from 'node:fs/promises';

const FIGURES = 'build/chaos-figures.json';
const DOC = 'docs/reliability.md';
const START = '<!-- figures:start (written by scripts/reliability-report.mjs; do not edit by hand) -->';
const END = '<!-- figures:end -->';
/** Display order; scenarios not listed here follow in the order they were recorded. */
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
];

const cell = (value) => String(value).replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function render(document) {
  const scenarios = document.scenarios ?? {};
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

const document = JSON.parse(await readFile(FIGURES, 'utf8'));
const doc = await readFile(DOC, 'utf8');
const start = doc.indexOf(START);
const end = doc.indexOf(END);
if (start < 0 || end < start) throw new Error(`${DOC} lacks the figures markers`);
await writeFile(DOC, `${doc.slice(0, start + START.length)}\n\n${render(document)}\n\n${doc.slice(end)}`);
console.log(`${DOC}: figures of ${Object.keys(document.scenarios ?? {}).length} scenarios written from ${FIGURES}`);
