import { chaosScale } from './scale.js';

/** One scenario's measured figures, as `scripts/reliability-report.mjs` renders them. */
export interface ScenarioFigures {
  /** Section title in docs/reliability.md. */
  readonly title: string;
  /** Label -> measured value, in display order. */
  readonly figures: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Where the figures of the last run are kept: one JSON file per scenario, so that specs running in parallel processes
 * (sharded runs) never overwrite each other's figures.
 */
export const FIGURES_DIR = 'build/chaos-figures';

type FsPromises = typeof import('node:fs/promises');

/**
 * Records a scenario's figures as `FIGURES_DIR/<key>.json` (Node only: in a browser this does nothing). The module
 * name is not a literal so that the browser bundle does not try to include `node:fs`.
 */
export async function recordFigures(key: string, scenario: ScenarioFigures): Promise<void> {
  const scope = globalThis as { process?: { versions?: { node?: string }; pid?: number } };
  if (typeof scope.process?.versions?.node !== 'string') return;
  const fsName = 'node:fs/promises';
  const fs = (await import(fsName)) as FsPromises;
  const document = { key, ...scenario, scale: chaosScale().name, recordedAt: new Date().toISOString() };
  await fs.mkdir(FIGURES_DIR, { recursive: true });
  const temporary = `${FIGURES_DIR}/.${key}.${scope.process.pid ?? 0}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify(document, null, 2)}\n`);
  await fs.rename(temporary, `${FIGURES_DIR}/${key}.json`);
}
