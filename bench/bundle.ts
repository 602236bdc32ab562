import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/** The repository root (bench/ is one level down). */
export const REPO_ROOT = resolve(__dirname, '..');

/** A worker script ready to run with plain `node`, and how to remove it. */
export interface WorkerBundle {
  readonly file: string;
  dispose(): Promise<void>;
}

/**
 * Bundles bench/worker/main.ts (with rxuploadcare from its TypeScript source) into one CommonJS file under build/,
 * packages left external so every side loads its dependencies from node_modules. Workers then run without a TS
 * loader, which would add its own start-up and memory to every measurement.
 */
export async function bundleWorker(): Promise<WorkerBundle> {
  const dir = join(REPO_ROOT, 'build', 'bench');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `worker-${process.pid}-${Date.now().toString(36)}.cjs`);
  await build({
    entryPoints: [join(REPO_ROOT, 'bench', 'worker', 'main.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
  });
  return { file, dispose: () => rm(file, { force: true }) };
}
