// The events of an upload, for any kind of file it ends with (a File, a uuid): no resource class is imported here, so
// the modules below File use these. ./events.ts gives them File as the default, for the public API.
/** Bytes sent so far, Angular `HttpEvent`-style. `total` is null when the size is not known. */
export interface UploadProgressEvent {
  readonly type: 'progress';
  /** Bytes sent so far; never decreases, ends at `total`. */
  readonly done: number;
  readonly total: number | null;
}

/** The upload has landed: the last event of an upload. */
export interface UploadCompleteEvent<T> {
  readonly type: 'complete';
  readonly file: T;
}

/** What an upload Observable emits: progress ticks, then exactly one `complete`. */
export type UploadEvent<T> = UploadProgressEvent | UploadCompleteEvent<T>;

/** Builds a progress event. */
export function progressEvent(done: number, total: number | null): UploadProgressEvent {
  return { type: 'progress', done, total };
}

/** Builds the final event of an upload. */
export function completeEvent<T>(file: T): UploadCompleteEvent<T> {
  return { type: 'complete', file };
}

/** True for the final event of an upload. */
export function isUploadComplete<T>(event: { readonly type: string }): event is UploadCompleteEvent<T> {
  return typeof event === 'object' && event !== null && event.type === 'complete';
}
