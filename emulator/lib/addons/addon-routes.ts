import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context.js';
import type { Job } from '../jobs/job-runner.js';
import { jsonObjectBody } from '../rest/body.js';
import { formatDatetime } from '../rest/datetime.js';
import { badRequest, notFound } from '../rest/params.js';
import { restRoute } from '../rest/rest-route.js';
import { ADDONS, type Addon } from './addons.js';

interface Execution {
  readonly addon: string;
  readonly job: Job;
  result?: Readonly<Record<string, string>>;
}

/** Add-on statuses by job status: a job `pending` or `processing` is `in_progress`; `failed` or `cancelled`, `error`. */
const ADDON_STATUS = { pending: 'in_progress', processing: 'in_progress', finished: 'done', failed: 'error', cancelled: 'error' } as const;

/**
 * `POST /addons/{name}/execute/` and `GET /addons/{name}/execute/status/?request_id=`: each execution is a job
 * (jobs/job-runner.ts) whose end writes the add-on's result into the target's `appdata` (`version`,
 * `datetime_created`, `datetime_updated`, `data`), as the real service does; remove.bg also makes a new file, named by
 * the status's `result.file_id`. Executions live in memory: a restart forgets their request ids.
 */
export function registerAddonRoutes(context: EmulatorContext): void {
  const { router, store, jobs, addonLabels: labels } = context;
  const executions = new Map<string, Execution>();

  router.add(
    'POST',
    '/addons/:name/execute/',
    restRoute(context, (call) => {
      const name = call.params['name'] ?? '';
      const addon = addonNamed(name);
      const body = jsonObjectBody(call);
      const target = body['target'];
      if (typeof target !== 'string' || target === '') throw badRequest('`target` is required.');
      const file = store.file(call.project.publicKey, target.toLowerCase());
      if (!file || file.datetimeRemoved) throw badRequest('`target` is not a file of the project.');
      const params = body['params'] ?? {};
      if (typeof params !== 'object' || params === null || Array.isArray(params)) throw badRequest('`params` must be an object.');
      const problem = addon.paramsProblem(params as Record<string, unknown>);
      if (problem) throw badRequest(problem);
      const requestId = randomUUID();
      const execution: Execution = {
        addon: name,
        job: jobs.start(call.project.publicKey, async () => {
          const outcome = await addon.run({ store, file, params: params as Record<string, unknown>, labels: labels.current });
          const now = formatDatetime(new Date());
          const current = store.file(file.projectKey, file.uuid) ?? file;
          const previous = current.appdata?.[name] as { readonly datetime_created?: string } | undefined;
          const entry = { version: addon.version, datetime_created: previous?.datetime_created ?? now, datetime_updated: now, data: outcome.data };
          store.updateFile(file.uuid, { appdata: { ...current.appdata, [name]: entry } });
          execution.result = outcome.result;
        }),
      };
      executions.set(requestId, execution);
      return { status: 200, body: { request_id: requestId } };
    }),
  );

  router.add(
    'GET',
    '/addons/:name/execute/status/',
    restRoute(context, (call) => {
      const name = call.params['name'] ?? '';
      addonNamed(name);
      const requestId = call.query.get('request_id');
      if (!requestId) throw badRequest('`request_id` is required.');
      const execution = executions.get(requestId);
      if (!execution || execution.addon !== name || !jobs.job(call.project.publicKey, execution.job.token)) return { status: 200, body: { status: 'unknown' } };
      const status = ADDON_STATUS[execution.job.status];
      return { status: 200, body: { status, ...(status === 'done' && execution.result && { result: { ...execution.result } }) } };
    }),
  );
}

function addonNamed(name: string): Addon {
  const addon = Object.hasOwn(ADDONS, name) ? ADDONS[name] : undefined;
  if (!addon) throw notFound();
  return addon;
}
