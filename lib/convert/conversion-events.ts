import type { ConversionError } from './conversion-error.js';

/** The statuses of a conversion job (`GET convert/<kind>/status/<token>/`). */
export type ConversionStatus = 'pending' | 'processing' | 'finished' | 'failed' | 'cancelled';

/** A status answer of one job: `status` of the file `source`; `done` of `total` files have ended (any way). */
export interface ConversionProgressEvent {
  readonly type: 'progress';
  readonly status: ConversionStatus;
  readonly source: string;
  readonly done: number;
  readonly total: number;
}

/** A file converted: the output's UUID (and, for a video, its thumbnails group id `<uuid>~<n>`). */
export interface ConversionOutput {
  readonly ok: true;
  /** The conversion path, e.g. `<uuid>/video/-/format/webm/`. */
  readonly source: string;
  readonly uuid: string;
  readonly token: number;
  /** Video only: the group of thumbnails made by `thumbs`. */
  readonly thumbnailsGroup?: string;
}

/** A file the conversion gave no output for, and why. */
export interface ConversionFailure {
  readonly ok: false;
  readonly source: string;
  readonly error: ConversionError;
}

export type ConversionOutcome = ConversionOutput | ConversionFailure;

/** Every file's outcome, in the order the files were given. */
export interface ConversionCompleteEvent {
  readonly type: 'complete';
  readonly results: readonly ConversionOutcome[];
}

/** What a conversion emits: status ticks of its jobs, then one `complete`. */
export type ConversionEvent = ConversionProgressEvent | ConversionCompleteEvent;

/** Narrows an event to the `complete` one. */
export function isConversionComplete(event: ConversionEvent): event is ConversionCompleteEvent {
  return event.type === 'complete';
}
