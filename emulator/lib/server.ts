import { createServer } from 'node:http';
import type { Socket } from 'node:net';
import type { EmulatorContext } from './context.js';
import { controlRouter } from './control/routes.js';
import { AddonLabelSettings } from './addons/addon-labels.js';
import { JobRunner } from './jobs/job-runner.js';
import { RequestLog } from './control/request-log.js';
import { FaultController } from './faults/controller.js';
import { listenWithFallback } from './listen.js';
import { originOf, resolveHost, resolveProjects, type EmulatorOptions } from './options.js';
import { requestOrigin } from './request-origin.js';
import { handleRequest } from './request-handler.js';
import { Router } from './router.js';
import { registerRoutes } from './routes.js';
import { openState, type OpenedState } from './state/open-state.js';
import type { ProjectConfig } from './state/records.js';
import { seedFiles } from './state/seed.js';
import type { Store } from './state/store.js';
import { resolveUploadLimits, type UploadLimits } from './upload/limits.js';

/** A running emulator. */
export interface RunningEmulator {
  /** Origin serving REST, Upload API and CDN alike, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  readonly port: number;
  readonly store: Store;
  /** The fault rules in force; change them here or through the control API. */
  readonly faults: FaultController;
  /** Every request served (control API excepted), with its outcome. */
  readonly requests: RequestLog;
  /** Conversion and add-on jobs; change their timing and outcomes here or through the control API. */
  readonly jobs: JobRunner;
  /** The labels the Rekognition add-ons answer; change them here or through the control API. */
  readonly addonLabels: AddonLabelSettings;
  /** Connections currently open to the emulator. */
  openConnections(): number;
  /** Stops listening, destroys open connections and waits until the state on disk is complete. */
  close(): Promise<void>;
}

/** How long the emulator keeps an idle keep-alive connection open. */
const KEEP_ALIVE_TIMEOUT_MS = 10_000;

/** Starts the Uploadcare-compatible emulator on a loopback port. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = resolveHost(options.host);
  const projects = resolveProjects(options.projects);
  const limits = resolveUploadLimits(options.limits);
  const state = await openState(projects, options.dataDir, limits.memoryStoreBytes);
  try {
    return await serve(state, projects, host, limits, options);
  } catch (error) {
    await state.persistence?.close();
    throw error;
  }
}

async function serve(
  { store, persistence }: OpenedState,
  projects: readonly ProjectConfig[],
  host: string,
  limits: UploadLimits,
  options: EmulatorOptions,
): Promise<RunningEmulator> {
  const seedProject = projects[0];
  if (options.seedFiles && seedProject && store.filesOf(seedProject.publicKey).length === 0) {
    await seedFiles(store, seedProject.publicKey, options.seedFiles);
  }

  const router = new Router();
  let origin = '';
  const jobs = new JobRunner(options.jobs);
  const addonLabels = new AddonLabelSettings();
  const context: EmulatorContext = { router, store, limits, jobs, addonLabels, allowLoopbackSources: options.allowLoopbackSources ?? true, origin: (req) => requestOrigin(req, origin) };
  registerRoutes(context);

  const faults = new FaultController(options.faults);
  const requests = new RequestLog(options.requestLogLimit);
  const sockets = new Set<Socket>();
  let closing = false;
  const pipeline = {
    router,
    control: controlRouter({ faults, requests, jobs, addonLabels, openConnections: () => sockets.size }),
    faults,
    requests,
    persistence,
    browsers: { boundHost: host, trustedOrigins: new Set(options.trustedOrigins ?? []) },
    closing: () => closing,
  };
  const server = createServer((req, res) => {
    // Whatever escapes a handler (a client gone mid-body, above all) ends that exchange only, never the process.
    handleRequest(pipeline, req, res).catch(() => res.destroy());
  });
  // Longer than clients keep idle sockets (Node's agent 5 s, undici 4 s): the client always drops an idle connection
  // first. At Node's default of 5 s a busy client could reuse a socket the emulator was closing: ECONNRESET.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = await listenWithFallback(server, host, options.port ?? 0, !options.strictPort);
  origin = originOf(host, port);

  let closed: Promise<void> | undefined;
  return {
    url: origin,
    port,
    store,
    faults,
    requests,
    jobs,
    addonLabels,
    openConnections: () => sockets.size,
    close: () =>
      (closed ??= (async () => {
        closing = true;
        const gone = [...sockets].map((socket) => new Promise((resolve) => socket.once('close', resolve)));
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => server.close(resolve));
        await Promise.all(gone);
        // Let the cut responses report their end to the request log before the caller reads it.
        await new Promise((resolve) => setImmediate(resolve));
        await persistence?.close();
      })()),
  };
}
