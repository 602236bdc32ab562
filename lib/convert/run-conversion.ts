import { concat, defer, map, merge, type Observable, of, switchMap } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { clientOrDefault } from '../conf.js';
import { APIError } from '../errors.js';
import { restCall } from '../resources/rest-call.js';
import { pollUntil, type PollTiming } from '../upload/poll.js';
import { ConversionError } from './conversion-error.js';
import type { ConversionEvent, ConversionOutcome, ConversionStatus } from './conversion-events.js';

interface SubmittedJob {
  readonly original_source: string;
  readonly uuid: string;
  readonly token: number;
  readonly thumbnails_group_uuid?: string;
}

interface SubmitAnswer {
  readonly problems?: Readonly<Record<string, string>> | null;
  readonly result?: readonly SubmittedJob[] | null;
}

interface StatusAnswer {
  readonly status: ConversionStatus;
  readonly error?: string | null;
}

const ENDED: readonly string[] = ['finished', 'failed', 'cancelled'];

/**
 * Submits one conversion request (`POST convert/<kind>/` with `paths` and `fields`), then polls each job's status
 * (one shared poll module: {@link pollUntil}) and emits a tick per answer, then the outcome of every path. A path the
 * service refused, or whose job failed or was cancelled, is a {@link ConversionError} in its outcome. Running out of
 * `timing.timeout` is a TimeoutError; unsubscribing stops every poll.
 */
export function runConversion(
  kind: 'document' | 'video',
  paths: readonly string[],
  fields: Readonly<Record<string, string>>,
  timing: PollTiming,
  client: UploadcareClient | undefined,
): Observable<ConversionEvent> {
  return defer(() => {
    const uploadcare = clientOrDefault(client);
    return restCall<SubmitAnswer | null>(uploadcare, 'POST', `convert/${kind}/`, { paths, ...fields }).pipe(
      switchMap((answer) => {
        const outcomes = new Map<string, ConversionOutcome>();
        const jobs: SubmittedJob[] = [];
        for (const path of paths) {
          const problem = answer?.problems?.[path];
          const job = answer?.result?.find((entry) => entry.original_source === path);
          if (job && typeof job.token === 'number') jobs.push(job);
          else outcomes.set(path, refused(path, problem, answer));
        }
        const ticks = merge(
          ...jobs.map((job) =>
            pollUntil(
              () => restCall<StatusAnswer>(uploadcare, 'GET', `convert/${kind}/status/${job.token}/`),
              (status) => ENDED.includes(status?.status),
              timing,
              `The conversion of ${job.original_source}`,
            ).pipe(
              map((status) => {
                if (ENDED.includes(status.status)) outcomes.set(job.original_source, outcomeOf(job, status));
                return { type: 'progress' as const, status: status.status, source: job.original_source, done: outcomes.size, total: paths.length };
              }),
            ),
          ),
        );
        return concat(ticks, defer(() => of({ type: 'complete' as const, results: paths.map((path) => outcomes.get(path)!) })));
      }),
    );
  });
}

function refused(path: string, problem: string | undefined, answer: unknown): ConversionOutcome {
  if (problem === undefined) throw new APIError(`convert/ answered neither a job nor a problem for ${path}`, { body: answer });
  return { ok: false, source: path, error: new ConversionError(problem, { source: path, kind: 'refused', token: null }) };
}

function outcomeOf(job: SubmittedJob, status: StatusAnswer): ConversionOutcome {
  const source = job.original_source;
  if (status.status === 'finished') {
    return { ok: true, source, uuid: job.uuid, token: job.token, ...(job.thumbnails_group_uuid && { thumbnailsGroup: job.thumbnails_group_uuid }) };
  }
  const kind = status.status === 'failed' ? 'failed' : 'cancelled';
  const message = kind === 'failed' ? (status.error ?? `The conversion of ${source} failed`) : `The conversion of ${source} was cancelled`;
  return { ok: false, source, error: new ConversionError(message, { source, kind, token: job.token, body: status }) };
}
