import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { definedFields } from '../upload/defined-fields.js';
import type { PollTiming } from '../upload/poll.js';
import type { ConversionSource } from './conversion-paths.js';
import { DEFAULT_CONVERSION_POLL } from './run-conversion.js';

/** Options every conversion takes. */
export interface ConversionOptions extends PollTiming {
  /** true keeps the outputs, false lets them go after 24 h; default: the project's autostore setting. */
  readonly store?: boolean;
}

/** The files of a conversion as a list: one source, or an array of them (not empty). */
export function sourceList(files: ConversionSource | readonly ConversionSource[]): readonly ConversionSource[] {
  const list = Array.isArray(files) ? (files as readonly ConversionSource[]) : [files as ConversionSource];
  if (list.length === 0) throw new InvalidParamError('Nothing to convert: give at least one file');
  return list;
}

/** The `store` field of a conversion request: `"1"`/`"0"`, none for the project's setting. */
export function storeFields(store: boolean | undefined): Record<string, string> {
  if (store === undefined) return {};
  if (typeof store !== 'boolean') throw new InvalidParamError(`store must be true or false, not ${describeValue(store)}`);
  return { store: store ? '1' : '0' };
}

/**
 * The poll timing of a conversion: the given fields over {@link DEFAULT_CONVERSION_POLL}, checked before any request.
 * @throws InvalidParamError unless `timeout` and `interval` are numbers of seconds.
 */
export function conversionTiming(options: PollTiming): Required<PollTiming> {
  const timing = { ...DEFAULT_CONVERSION_POLL, ...definedFields({ timeout: options.timeout, interval: options.interval }) };
  for (const [name, value] of Object.entries(timing)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new InvalidParamError(`${name} must be a number of seconds, not ${describeValue(value)}`);
  }
  return timing;
}
