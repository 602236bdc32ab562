import { concatMap, defer, distinctUntilChanged, map, type Observable, of } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { clientOrDefault } from '../conf.js';
import { InvalidParamError, UploadError } from '../errors.js';
import { InfoCache } from '../resources/info-cache.js';
import { isUuid } from '../resources/uuid.js';
import { completeEvent, type UploadCompleteEvent } from './upload-events.js';
import { pollUntil, type PollTiming } from './poll.js';
import { rampedPolls, resolvePollRamp, type PollRamp } from './poll-ramp.js';
import { checkOptions, optionKeys } from '../options/check-options.js';
import type { FromUrlStatusAnswer, UploadFileInfo } from './upload-api.js';

/**
 * Options of {@link FileFromUrl.wait}: the seed's `wait(timeout=30, interval=0.3, until_ready=False)`, in seconds.
 * `interval` is the longest wait between two polls: the first poll goes at once and the waits grow up to it
 * (`ramp`, over `DEFAULT_POLL_RAMP`).
 */
export interface FromUrlWaitOptions extends PollTiming {
  /** Also wait until the file is ready (`is_ready`), not just uploaded. Default false. */
  readonly untilReady?: boolean;
  /** How the waits grow from short to `interval`, over `DEFAULT_POLL_RAMP` (first 0.02 s, then x1.5). */
  readonly ramp?: Partial<PollRamp>;
}

/** The keys of {@link FromUrlWaitOptions}. */
export const FROM_URL_WAIT_KEYS = optionKeys<FromUrlWaitOptions>({ timeout: true, interval: true, untilReady: true, ramp: true });

/** A tick of an upload from URL: the status and the bytes the service has fetched so far (`total` null when unknown). */
export interface FromUrlProgressEvent {
  readonly type: 'progress';
  readonly status: 'waiting' | 'progress' | 'success';
  readonly done: number;
  readonly total: number | null;
}

/** What {@link FromUrlUpload.wait} emits: distinct ticks, then the file (a `File` for `FileFromUrl`). */
export type FromUrlUploadEvent<F> = FromUrlProgressEvent | UploadCompleteEvent<F>;

/**
 * An upload from URL in progress, known by its token: what `FileFromUrl` is, less the making of its files (`F`), so
 * that this module needs no resource class. Its `from_url/status/` answer is the info: `waiting`, `progress` (done,
 * total), `success` (the file's info), `error` (message) or `unknown`.
 */
export abstract class FromUrlUpload<F> {
  /** The upload's token; null when the service answered with an existing file at once (URL duplicates). */
  readonly token: string | null;
  readonly #client: UploadcareClient | undefined;
  readonly #cache = new InfoCache<FromUrlStatusAnswer>();

  /**
   * @param token the token `from_url/` answered.
   * @param client the client to use; default {@link defaultClient}, looked up at each use.
   */
  constructor(token: string, client?: UploadcareClient) {
    if (typeof token !== 'string' || token === '') throw new InvalidParamError('FileFromUrl needs the token of an upload from URL.');
    this.token = token;
    this.#client = client;
  }

  /** The file of a successful upload, by its UUID, on the client this upload was given. */
  protected abstract makeFile(uuid: string, client: UploadcareClient | undefined): F;

  /** Makes this an upload that was over before it started: the service already had the file (`check_URL_duplicates`). */
  protected settleAsDuplicate(info: UploadFileInfo): this {
    this.#cache.set({ ...info, status: 'success' });
    // No token was issued: the status is known for good and never asked.
    (this as { token: string | null }).token = null;
    return this;
  }

  /** The client this upload talks through. */
  get client(): UploadcareClient {
    return clientOrDefault(this.#client);
  }

  /** The upload's status: one request the first time, then the cache. */
  info(): Observable<FromUrlStatusAnswer> {
    return this.#cache.get(() => this.#fetchStatus());
  }

  /** Always asks `from_url/status/` and refreshes the cache. */
  updateInfo(): Observable<FromUrlStatusAnswer> {
    return this.#cache.track(this.#fetchStatus());
  }

  /** The File once the upload succeeded, else null. Goes through {@link info}. */
  getFile(): Observable<F | null> {
    return this.info().pipe(map((info) => (info.status === 'success' ? this.#fileOf(info) : null)));
  }

  /**
   * Polls `from_url/status/` (at once, then after waits growing up to `interval` seconds, see `ramp`) and emits each distinct `{ status, done, total }` tick, then
   * `{ type: 'complete', file }` on success (with `untilReady`, once the file is ready too). An `error` status is an
   * UploadError with the server's message and code, an `unknown` token an UploadError, no success within `timeout`
   * seconds a TimeoutError. Unsubscribing stops the poll in flight.
   */
  wait(options?: FromUrlWaitOptions): Observable<FromUrlUploadEvent<F>> {
    return defer(() => this.#wait(checkOptions('wait() options', options, FROM_URL_WAIT_KEYS)));
  }

  #wait(options: FromUrlWaitOptions): Observable<FromUrlUploadEvent<F>> {
    const untilReady = options.untilReady ?? false;
    const schedule = rampedPolls(resolvePollRamp(options.ramp));
    const finished = (info: FromUrlStatusAnswer) => info.status !== 'waiting' && info.status !== 'progress' && (info.status !== 'success' || !untilReady || info.is_ready === true);
    const statuses: Observable<FromUrlStatusAnswer> = defer(() => {
      const known = this.#cache.peek();
      if (this.token === null && known) {
        // A duplicate the service already had: no token to poll; with untilReady, its file info is polled instead.
        if (finished(known)) return of(known);
        const uuid = (known as UploadFileInfo).uuid ?? (known as UploadFileInfo).file_id;
        const readiness = () =>
          this.client.upload<UploadFileInfo>('GET', 'info/', { file_id: String(uuid) }).pipe(map((info): FromUrlStatusAnswer => ({ ...info, status: 'success' })));
        return pollUntil(readiness, finished, options, `File ${String(uuid)} becoming ready`, schedule);
      }
      return pollUntil(() => this.updateInfo(), finished, options, `Upload from URL ${this.token ?? ''}`, schedule);
    });
    return statuses.pipe(
      concatMap((info): FromUrlUploadEvent<F>[] => {
        const tick = this.#tick(info);
        return finished(info) ? [tick, completeEvent(this.#fileOf(info as UploadFileInfo))] : [tick];
      }),
      distinctUntilChanged((a, b) => a.type === 'progress' && b.type === 'progress' && a.status === b.status && a.done === b.done && a.total === b.total),
    );
  }

  #tick(info: FromUrlStatusAnswer): FromUrlProgressEvent {
    switch (info.status) {
      case 'waiting':
        return { type: 'progress', status: 'waiting', done: 0, total: null };
      case 'progress':
        return { type: 'progress', status: 'progress', done: info.done ?? 0, total: typeof info.total === 'number' ? info.total : null };
      case 'success': {
        const size = info.size ?? info.total ?? null;
        return { type: 'progress', status: 'success', done: size ?? info.done ?? 0, total: size };
      }
      case 'error':
        throw new UploadError(`Upload from URL failed: ${info.error ?? 'no reason given'}`, { code: info.error_code ?? null, body: info });
      case 'unknown':
        throw new UploadError(`Unknown upload token ${this.token ?? ''}: the service never issued it, or forgot it.`, { code: null, body: info });
    }
  }

  #fileOf(info: UploadFileInfo): F {
    const uuid = info.uuid ?? info.file_id;
    if (!isUuid(uuid)) throw new UploadError('Upload from URL succeeded without a valid file UUID.', { body: info });
    return this.makeFile(uuid, this.#client);
  }

  #fetchStatus(): Observable<FromUrlStatusAnswer> {
    return defer(() => {
      if (this.token === null) return of(this.#cache.peek() ?? ({ status: 'unknown' } as const));
      return this.client.upload<FromUrlStatusAnswer>('GET', 'from_url/status/', { token: this.token });
    });
  }
}
