/** What the orchestrator and a worker process tell each other. Plain JSON both ways. */

/** Who does the work: this library, the official clients, or Node's `http` with no client library (the floor). */
export type Side = 'rxuploadcare' | 'official' | 'floor';

/** Every side, in report order. */
export const SIDES: readonly Side[] = ['rxuploadcare', 'official', 'floor'];

/** Where the emulator is and the project to use. */
export interface Endpoint {
  /** Origin serving REST, Upload API and CDN, without a trailing slash. */
  readonly base: string;
  readonly publicKey: string;
  readonly secretKey: string;
}

/** The thumbnail every side fetches in the `thumbnails` scenario (rxuploadcare builds it with ImageTransformation). */
export const THUMBNAIL_EFFECTS = 'preview/200x200/-/format/jpeg/';
/** Thumbnails in flight at once: the connections a browser opens per host. */
export const THUMBNAIL_CONCURRENCY = 6;
/** The image each thumbnail is made from. */
export const THUMBNAIL_SOURCE = { width: 1600, height: 1200 } as const;

/** One scenario's work, as a worker does it. */
export type Task =
  | { readonly kind: 'list'; readonly pageSize: number }
  | { readonly kind: 'multipart'; readonly path: string; readonly size: number }
  | { readonly kind: 'multipart-stream'; readonly path: string; readonly size: number }
  | { readonly kind: 'small-uploads'; readonly count: number; readonly size: number; readonly concurrency: number }
  | { readonly kind: 'from-url'; readonly url: string }
  | { readonly kind: 'store-delete'; readonly uuidsFile: string }
  | { readonly kind: 'info'; readonly uuid: string; readonly calls: number }
  | { readonly kind: 'thumbnails'; readonly uuids: readonly string[]; readonly concurrency: number };

/** The kinds of {@link Task}. */
export type TaskKind = Task['kind'];

/** One run: a side doing a task against an endpoint. */
export interface WorkerJob {
  readonly side: Side;
  readonly endpoint: Endpoint;
  readonly task: Task;
}

/** What a run measured. */
export interface WorkerResult {
  /** Wall time of the work itself (after imports, client construction and input preparation). */
  readonly elapsedMs: number;
  /**
   * CPU time (user + system) the worker spent during the timed work. Less sensitive than wall time to other load on
   * the machine: the client-side cost of the work.
   */
  readonly cpuMs: number;
  /** The worker process's peak resident set size since it started (VmHWM on Linux), loading included. */
  readonly peakRssBytes: number;
  /** Resident set size just before the timed work started (the cost of loading the client). */
  readonly startRssBytes: number;
  /** Units of work the side reports done (items listed, files uploaded, calls answered...), for the checks. */
  readonly units: number;
}

/** The environment variable carrying the job's JSON to the worker. */
export const JOB_ENV = 'RXUC_BENCH_JOB';
/** The prefix of the stdout line carrying the result's JSON. */
export const RESULT_PREFIX = 'RXUC_BENCH_RESULT ';
