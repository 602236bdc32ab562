import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import type { PollTiming } from '../upload/poll.js';
import type { FileSource } from '../jobs/job-options.js';

/** Options every conversion takes. */
export interface ConversionOptions extends PollTiming {
  /** true keeps the outputs, false lets them go after 24 h; default: the project's autostore setting. */
  readonly store?: boolean;
}

/** The files of a conversion as a list: one source, or an array of them (not empty). */
export function sourceList(files: FileSource | readonly FileSource[]): readonly FileSource[] {
  const list = Array.isArray(files) ? (files as readonly FileSource[]) : [files as FileSource];
  if (list.length === 0) throw new InvalidParamError('Nothing to convert: give at least one file');
  return list;
}

/** The `store` field of a conversion request: `"1"`/`"0"`, none for the project's setting. */
export function storeFields(store: boolean | undefined): Record<string, string> {
  if (store === undefined) return {};
  if (typeof store !== 'boolean') throw new InvalidParamError(`store must be true or false, not ${describeValue(store)}`);
  return { store: store ? '1' : '0' };
}
