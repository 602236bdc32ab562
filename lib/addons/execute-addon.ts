import { concat, defer, map, type Observable, switchMap, tap } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { clientOrDefault } from '../conf.js';
import { APIError, InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { fileUuid, jobTiming, type FileSource } from '../jobs/job-options.js';
import { checkOptions } from '../options/check-options.js';
import { restCall } from '../resources/rest-call.js';
import { pollUntil, type PollTiming } from '../upload/poll.js';
import { AddonError } from './addon-error.js';
import { ADDON_NAMES, type AddonAppData, type AddonEvent, type AddonName, type AddonParams, type AddonStatus } from './addon-types.js';

interface StatusAnswer {
  readonly status: AddonStatus;
  readonly result?: { readonly file_id?: string } | null;
}

/**
 * Runs an add-on on a file (`POST addons/<name>/execute/`), then emits `{ type: 'progress', status }` per status answer
 * (`in_progress`; `unknown` is waited through), then, once `done`, `{ type: 'complete', addon, result, fileId? }`: the
 * add-on's entry of the file's appdata (read with `include=appdata`), typed per add-on, and remove.bg's new file.
 * An execution ending in `error` is an {@link AddonError}; no end within `timeout` (default 600 s, polled every
 * `interval`, 1 s) a TimeoutError. Cold; the name, file and timing are checked before any request; unsubscribing stops
 * polling.
 *
 * ```ts
 * executeAddon('uc_clamav_virus_scan', uuid, { purge_infected: true }, {}, client)
 *   .pipe(filter((event) => event.type === 'complete'))
 *   .subscribe(({ result }) => console.log(result.data.infected));
 * ```
 * @param client the client to use; default {@link defaultClient}.
 */
export function executeAddon<N extends AddonName>(name: N, file: FileSource, params?: AddonParams[N], timing: PollTiming = {}, client?: UploadcareClient): Observable<AddonEvent<N>> {
  return defer(() => {
    if (!(ADDON_NAMES as readonly string[]).includes(name)) throw new InvalidParamError(`Unknown add-on ${describeValue(name)}: one of ${ADDON_NAMES.join(', ')}`);
    const target = fileUuid(file);
    if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params))) throw new InvalidParamError(`params must be an object, not ${describeValue(params)}`);
    const poll = jobTiming(checkOptions('executeAddon() timing', timing, ['timeout', 'interval']));
    const uploadcare = clientOrDefault(client);
    const body = { target, ...(params !== undefined && { params }) };
    return restCall<{ readonly request_id?: unknown } | null>(uploadcare, 'POST', `addons/${name}/execute/`, body).pipe(
      switchMap((answer) => {
        const requestId = answer?.request_id;
        if (typeof requestId !== 'string') throw new APIError(`addons/${name}/execute/ answered without a request_id`, { body: answer });
        const statuses = pollUntil(
          () => restCall<StatusAnswer>(uploadcare, 'GET', `addons/${name}/execute/status/?request_id=${encodeURIComponent(requestId)}`),
          (status) => status?.status === 'done' || status?.status === 'error',
          poll,
          `The ${name} add-on on ${target}`,
        );
        let final: StatusAnswer | undefined;
        const ticks = statuses.pipe(
          tap((status) => (final = status)),
          map((status): AddonEvent<N> => ({ type: 'progress', status: status.status })),
        );
        const outcome = defer(() => addonOutcome(uploadcare, name, target, requestId, final as StatusAnswer));
        return concat(ticks, outcome);
      }),
    );
  });
}

/** The end of an execution: its appdata entry once `done`, an AddonError for `error` or a done without a result. */
function addonOutcome<N extends AddonName>(client: UploadcareClient, name: N, target: string, requestId: string, status: StatusAnswer): Observable<AddonEvent<N>> {
  if (status.status === 'error') throw new AddonError(`The ${name} add-on ended in error on ${target}`, { addon: name, requestId, target, body: status });
  return restCall<{ readonly appdata?: Readonly<Record<string, unknown>> | null }>(client, 'GET', `files/${target}/?include=appdata`).pipe(
    map((info): AddonEvent<N> => {
      const result = info?.appdata?.[name] as AddonAppData<N> | undefined;
      if (!result) throw new AddonError(`The ${name} add-on reported done, but ${target} has no ${name} appdata`, { addon: name, requestId, target, body: info });
      const fileId = status.result?.file_id;
      return { type: 'complete', addon: name, result, ...(typeof fileId === 'string' && { fileId }) };
    }),
  );
}
