import type { EmulatorContext } from '../context.js';
import type { Job } from '../jobs/job-runner.js';
import { jsonObjectBody } from '../rest/body.js';
import { badRequest, notFound } from '../rest/params.js';
import { restRoute, type RestCall } from '../rest/rest-route.js';
import type { FileRecord } from '../state/records.js';
import { parseConversionPath, PathProblem, type ConversionPath } from './conversion-path.js';
import type { OutputTarget } from './outputs.js';

/** One path of a conversion request, accepted: what to add to its `result` entry and the work that makes the outputs. */
export interface PlannedConversion {
  /** Fields of the `result` entry and of the status's `result`, besides `uuid` (a video's `thumbnails_group_uuid`). */
  readonly extra: Readonly<Record<string, string>>;
  readonly work: () => Promise<unknown>;
}

/** How one kind of conversion (`document`, `video`) checks a path and plans its job. */
export interface ConversionKind {
  readonly kind: 'document' | 'video';
  /** @throws PathProblem when the service would refuse the path (its `problems` entry). */
  plan(path: ConversionPath, source: FileRecord, target: OutputTarget, body: Record<string, unknown>): PlannedConversion;
}

interface JobRecord {
  readonly job: Job;
  readonly result: Readonly<Record<string, string>>;
}

/**
 * `POST /convert/<kind>/` and `GET /convert/<kind>/status/<token>/`: every path becomes a job (a token, the output's
 * UUID promised at once) or a `problems` entry; the status follows the job's lifecycle (jobs/job-runner.ts).
 */
export function registerConversionRoutes(context: EmulatorContext, conversion: ConversionKind): void {
  const { router, store, jobs } = context;
  const results = new Map<number, JobRecord>();

  router.add(
    'POST',
    `/convert/${conversion.kind}/`,
    restRoute(context, (call) => {
      const body = jsonObjectBody(call);
      const paths = body['paths'];
      if (!Array.isArray(paths) || paths.length === 0 || paths.some((path) => typeof path !== 'string')) throw badRequest('“paths” parameter is required.');
      const storeChoice = storeParam(body['store']);
      const problems: Record<string, string> = {};
      const result: Record<string, unknown>[] = [];
      for (const path of paths as string[]) {
        try {
          const parsed = parseConversionPath(path, conversion.kind);
          const source = sourceFile(context, call, parsed, path);
          const target: OutputTarget = { store, project: call.project, uuid: store.newUuid(), storeChoice };
          const planned = conversion.plan(parsed, source, target, body);
          const job = jobs.start(call.project.publicKey, async () => void (await planned.work()));
          const entry = { uuid: target.uuid, ...planned.extra };
          results.set(job.token, { job, result: entry });
          result.push({ original_source: path, token: job.token, ...entry });
        } catch (error) {
          if (!(error instanceof PathProblem)) throw error;
          problems[path] = error.message;
        }
      }
      return { status: 200, body: { problems, result } };
    }),
  );

  router.add(
    'GET',
    `/convert/${conversion.kind}/status/:token/`,
    restRoute(context, (call) => {
      const token = call.params['token'] ?? '';
      const record = /^\d+$/.test(token) ? results.get(Number(token)) : undefined;
      if (!record || !jobs.job(call.project.publicKey, record.job.token)) throw notFound();
      return { status: 200, body: { status: record.job.status, error: record.job.error, result: { ...record.result } } };
    }),
  );
}

/** The source of a path: a file of the project, not removed; else the service's bad-path problem. */
function sourceFile(context: EmulatorContext, call: RestCall, path: ConversionPath, given: string): FileRecord {
  const file = context.store.file(call.project.publicKey, path.uuid);
  if (!file || file.datetimeRemoved) throw new PathProblem(`Bad path "${given}". Use UUID or CDN URL`);
  return file;
}

/** `store`: `"0"`/`"false"`, `"1"`/`"true"` (booleans too, as some clients send them), absent for the project's setting. */
function storeParam(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).toLowerCase();
  if (['0', 'false', '1', 'true'].includes(text)) return text;
  throw badRequest('`store` must be "0", "1", "true" or "false".');
}
