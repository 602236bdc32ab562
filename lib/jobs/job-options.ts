import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { parseFileReference } from '../resources/file-reference.js';
import { definedFields } from '../upload/defined-fields.js';
import type { PollTiming } from '../upload/poll.js';

/** A file a job works on: a UUID, a CDN URL, or anything with a `uuid` (a {@link File}). */
export type FileSource = string | { readonly uuid: string };

/** How long a conversion or add-on job is waited for, and how often its status is asked: 10 minutes, every second. */
export const DEFAULT_JOB_POLL: Required<PollTiming> = Object.freeze({ timeout: 600, interval: 1 });

/** The UUID of a job's file. @throws InvalidParamError when it holds none. */
export function fileUuid(source: FileSource): string {
  return parseFileReference(typeof source === 'object' && source !== null ? source.uuid : source).uuid;
}

/**
 * The poll timing of a job: the given fields over {@link DEFAULT_JOB_POLL}, checked before any request.
 * @throws InvalidParamError unless `timeout` and `interval` are numbers of seconds.
 */
export function jobTiming(options: PollTiming): Required<PollTiming> {
  const timing = { ...DEFAULT_JOB_POLL, ...definedFields({ timeout: options.timeout, interval: options.interval }) };
  for (const [name, value] of Object.entries(timing)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new InvalidParamError(`${name} must be a number of seconds, not ${describeValue(value)}`);
  }
  return timing;
}
