import { chaosScale } from './scale.js';

/** One scenario's measured figures, as `scripts/reliability-report.mjs` renders them. */
export interface ScenarioFigures {
  /** Row title in docs/reliability.md. */
  readonly title: string;
  /** Label -> measured value, in display order. */
  readonly figures: Readonly<Record<string, string | number | boolean>>;
}

/** Where the figures of the last chaos run are kept (one key per scenario, merged run after run). */
export const FIGURES_FILE = 'build/chaos-figures.json';

interface FiguresDocument {
  scenarios: Record<string, ScenarioFigures & { readonly scale: string; readonly recordedAt: string }>;
}

type FsPromises = typeof import('node:fs/promises');

/**
 * Records a scenario's figures into {@link FIGURES_FILE} (Node only: in a browser this does nothing). The module name
 * is not a literal so that the browser bundle does not try to include `node:fs`.
 */
export async function recordFigures(key: string, scenario: ScenarioFigures): Promise<void> {
  const scope = globalThis as { process?: { versions?: { node?: string }; cwd?: () => string } };
  if (typeof scope.process?.versions?.node !== 'string') return;
  const fsName = 'node:fs/promises';
  const fs = (await import(fsName)) as FsPromises;
  let document: FiguresDocument = { scenarios: {} };
  try {
    document = JSON.parse(await fs.readFile(FIGURES_FILE, 'utf8')) as FiguresDocument;
  } catch {
    // First run, or a file from an older format: start afresh.
  }
  document.scenarios ??= {};
  document.scenarios[key] = { ...scenario, scale: chaosScale().name, recordedAt: new Date().toISOString() };
  await fs.mkdir('build', { recursive: true });
  const temporary = `${FIGURES_FILE}.${Date.now()}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify(document, null, 2)}\n`);
  await fs.rename(temporary, FIGURES_FILE);
}
