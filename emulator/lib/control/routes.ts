import { HttpError, readJson, sendJson } from '../http-util.js';
import type { FaultController } from '../faults/controller.js';
import { InvalidFaultRuleError, parseFaultRule, parseFaultSettings } from '../faults/rules.js';
import { parseAddonLabels, type AddonLabelSettings } from '../addons/addon-labels.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { InvalidJobSettingError, parseJobTiming, parseNextJob } from '../jobs/next-job.js';
import { Router } from '../router.js';
import type { RequestLog } from './request-log.js';

/** Every control API path starts with this; such requests are never logged nor faulted. */
export const CONTROL_PREFIX = '/__emulator/';

/** What the control API reads and changes. */
export interface ControlDeps {
  readonly faults: FaultController;
  readonly requests: RequestLog;
  readonly jobs: JobRunner;
  readonly addonLabels: AddonLabelSettings;
  /** Connections currently open to the emulator (the control request's own included). */
  readonly openConnections: () => number;
}

/**
 * The loopback control API, for specs in Node and in browsers:
 * - `GET /__emulator/requests[?since=ID]`: the request log; `DELETE` forgets it.
 * - `GET /__emulator/connections`: `{ open, inFlight }`.
 * - `GET /__emulator/faults`: `{ seed, rules }` with counters; `PUT` replaces them with `{ seed?, rules }`;
 *   `POST` adds one rule; `DELETE` removes them all; `DELETE /__emulator/faults/{id}` removes one.
 * - `GET /__emulator/jobs`: conversion and add-on job timing and queued outcomes; `PUT` sets the timing
 *   `{ pendingSeconds?, processingSeconds? }`; `POST /__emulator/jobs/next` queues `{ outcome?, seconds?, error? }` for
 *   the next job; `DELETE` restores the defaults.
 * - `GET /__emulator/addons/labels`: the labels the Rekognition add-ons answer; `PUT` sets `{ labels?,
 *   moderationLabels? }`; `DELETE` restores the defaults.
 */
export function controlRouter(deps: ControlDeps): Router {
  const { faults, requests, jobs, addonLabels } = deps;
  const faultState = () => ({ seed: faults.seed, rules: faults.list() });
  const jobState = () => ({ ...jobs.timing, next: jobs.queued });
  return new Router()
    .add('GET', '/__emulator/', ({ res }) =>
      sendJson(res, 200, { endpoints: ['requests', 'connections', 'faults', 'jobs', 'addons/labels'].map((name) => `${CONTROL_PREFIX}${name}`) }),
    )
    .add('GET', '/__emulator/requests', ({ res, url }) => {
      const since = Number(url.searchParams.get('since') ?? 0);
      if (!Number.isInteger(since) || since < 0) throw new HttpError(400, { detail: '`since` must be a request id.' });
      sendJson(res, 200, { requests: requests.list(since) });
    })
    .add('DELETE', '/__emulator/requests', ({ res }) => {
      requests.reset();
      res.writeHead(204).end();
    })
    .add('GET', '/__emulator/connections', ({ res }) =>
      sendJson(res, 200, { open: deps.openConnections(), inFlight: requests.inFlight() }),
    )
    .add('GET', '/__emulator/faults', ({ res }) => sendJson(res, 200, faultState()))
    .add('PUT', '/__emulator/faults', async ({ req, res }) => {
      const settings = checked(parseFaultSettings, (await readJson(req)) ?? {});
      faults.set(settings);
      sendJson(res, 200, faultState());
    })
    .add('POST', '/__emulator/faults', async ({ req, res }) => {
      const rule = checked(parseFaultRule, await readJson(req));
      sendJson(res, 201, faults.add(rule));
    })
    .add('DELETE', '/__emulator/faults', ({ res }) => {
      faults.clear();
      res.writeHead(204).end();
    })
    .add('GET', '/__emulator/jobs', ({ res }) => sendJson(res, 200, jobState()))
    .add('PUT', '/__emulator/jobs', async ({ req, res }) => {
      jobs.setTiming(checked(parseJobTiming, await readJson(req)));
      sendJson(res, 200, jobState());
    })
    .add('POST', '/__emulator/jobs/next', async ({ req, res }) => {
      jobs.queueNext(checked(parseNextJob, await readJson(req)));
      sendJson(res, 201, jobState());
    })
    .add('DELETE', '/__emulator/jobs', ({ res }) => {
      jobs.reset();
      res.writeHead(204).end();
    })
    .add('GET', '/__emulator/addons/labels', ({ res }) => sendJson(res, 200, addonLabels.current))
    .add('PUT', '/__emulator/addons/labels', async ({ req, res }) => {
      const labels = parseAddonLabels(await readJson(req));
      if (!labels) throw new HttpError(400, { detail: 'Expected { labels?, moderationLabels? }: lists of { Name, Confidence, ... }.' });
      addonLabels.set(labels);
      sendJson(res, 200, addonLabels.current);
    })
    .add('DELETE', '/__emulator/addons/labels', ({ res }) => {
      addonLabels.reset();
      res.writeHead(204).end();
    })
    .add('DELETE', '/__emulator/faults/:id', ({ res, params }) => {
      if (!faults.remove(params['id'] ?? '')) throw new HttpError(404, { detail: 'No such fault rule.' });
      res.writeHead(204).end();
    });
}

/** Control requests must come from this machine (the emulator binds loopback, but be explicit). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

function checked<T>(parse: (data: unknown) => T, data: unknown): T {
  try {
    return parse(data);
  } catch (error) {
    if (error instanceof InvalidFaultRuleError || error instanceof InvalidJobSettingError) throw new HttpError(400, { detail: error.message, field: error.field });
    throw error;
  }
}
