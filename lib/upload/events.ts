import type { File } from '../resources/file.js';
import type { UploadCompleteEvent as CompleteEventOf, UploadEvent as UploadEventOf } from './upload-events.js';

export { completeEvent, isUploadComplete, progressEvent, type UploadProgressEvent } from './upload-events.js';

/** The upload has landed: the last event of an upload; its `file` is a {@link File} unless said otherwise. */
export type UploadCompleteEvent<T = File> = CompleteEventOf<T>;

/** What an upload Observable emits: progress ticks, then exactly one `complete` (with a {@link File} by default). */
export type UploadEvent<T = File> = UploadEventOf<T>;
