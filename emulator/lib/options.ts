import type { FaultSettings } from './faults/rules.js';
import type { JobTiming } from './jobs/job-runner.js';
import type { ProjectConfig } from './state/records.js';
import type { UploadLimits } from './upload/limits.js';
import { EmulatorOptionError } from './option-error.js';

/** Options of {@link startEmulator}. Every field has a default; see docs/emulator.md. */
export interface EmulatorOptions {
  /** Port on the loopback host; 0 picks a free one. Default 0. */
  readonly port?: number;
  /** When the port is taken, fail instead of trying the next ones. Default false. */
  readonly strictPort?: boolean;
  /** Host to bind: a loopback address only (`127.0.0.1`, `127.x.y.z`, `::1`, `localhost`). Default 127.0.0.1. */
  readonly host?: string;
  /** Projects served. Default: one project `demopublickey` / `demosecretkey`. */
  readonly projects?: readonly Partial<ProjectConfig>[];
  /** Keep files and state on disk here, surviving restarts. Default: memory only. */
  readonly dataDir?: string;
  /** Pre-populate the first project with this many files, when it has none. Default 0. */
  readonly seedFiles?: number;
  /** Fault rules active from the start (they can be changed later through `faults` or the control API). */
  readonly faults?: FaultSettings;
  /** How many requests the request log keeps. Default 10 000. */
  readonly requestLogLimit?: number;
  /** The Upload API's size and count limits, over the defaults (the real service's where it documents them; docs/emulator.md, "Limits"). */
  readonly limits?: Partial<UploadLimits>;
  /**
   * Origins of web pages (`http://127.0.0.1:9876`) that may use the control API and the demo signer, besides the
   * emulator's own: a test runner whose specs run in a browser. Default none. Pages served from this machine may use
   * REST, the Upload API and the CDN without being listed; see docs/emulator.md, "Browsers".
   */
  readonly trustedOrigins?: readonly string[];
  /**
   * Whether `from_url` may download from loopback addresses (`127.x`, `::1`). Default true: local testing serves its
   * sources there. The real service refuses them, as it refuses private addresses (which the emulator always refuses):
   * false answers them `URLHostPrivateIPForbiddenError` too.
   */
  readonly allowLoopbackSources?: boolean;
  /** How long conversion and add-on jobs stay `pending` and `processing`. Default 0.05 s and 0.2 s (docs/emulator.md). */
  readonly jobs?: Partial<JobTiming>;
}

export { EmulatorOptionError };

/** The project served when none is given: keys `demopublickey` / `demosecretkey`, autostore on. */
export const DEMO_PROJECT: ProjectConfig = {
  publicKey: 'demopublickey',
  secretKey: 'demosecretkey',
  name: 'Demo project',
  requireSignedUploads: false,
  autostore: true,
  storages: ['demo-storage'],
};

/** The projects to serve: the given ones completed with the demo project's settings, or the demo project. */
export function resolveProjects(projects: EmulatorOptions['projects']): ProjectConfig[] {
  if (!projects || projects.length === 0) return [DEMO_PROJECT];
  return projects.map((project, i) => ({
    ...DEMO_PROJECT,
    name: `Project ${i + 1}`,
    ...project,
  }));
}

/** The host to bind, checked to be a loopback one: the emulator is never reachable from another machine. */
export function resolveHost(host: string | undefined): string {
  const value = host ?? '127.0.0.1';
  if (value === 'localhost' || value === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(value)) return value;
  throw new EmulatorOptionError('host', `${value} is not a loopback address (use 127.0.0.1, ::1 or localhost)`);
}

/** The origin clients use for a bound host and port. */
export function originOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
