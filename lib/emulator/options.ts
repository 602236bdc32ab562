import type { ProjectConfig } from './state/records.js';

/** Options of {@link startEmulator}. Every field has a default; see docs/emulator.md. */
export interface EmulatorOptions {
  /** Port on 127.0.0.1; 0 picks a free one. Default 0. */
  readonly port?: number;
  /** Host to bind. Always a loopback address; default 127.0.0.1. */
  readonly host?: string;
  /** Projects served. Default: one project `demopublickey` / `demosecretkey`. */
  readonly projects?: readonly Partial<ProjectConfig>[];
  /** Keep files and state on disk here, surviving restarts. Default: memory only. */
  readonly dataDir?: string;
  /** Pre-populate the first project with this many files. Default 0. */
  readonly seedFiles?: number;
}

export const DEMO_PROJECT: ProjectConfig = {
  publicKey: 'demopublickey',
  secretKey: 'demosecretkey',
  name: 'Demo project',
  requireSignedUploads: false,
  autostore: true,
  storages: ['demo-storage'],
};

export function resolveProjects(projects: EmulatorOptions['projects']): ProjectConfig[] {
  if (!projects || projects.length === 0) return [DEMO_PROJECT];
  return projects.map((project, i) => ({
    ...DEMO_PROJECT,
    name: `Project ${i + 1}`,
    ...project,
  }));
}
