import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { checkOptions, optionKeys } from '../options/check-options.js';

/** The largest page the REST API serves. */
export const MAX_REQUEST_LIMIT = 1000;
/** The page size when none is given (the API's default). */
export const DEFAULT_REQUEST_LIMIT = 100;

/** Options every list takes. */
export interface ListOptions {
  /** Only items uploaded (files) or created (groups) at or after this time, oldest first. Not with `until`. */
  readonly since?: Date | string;
  /** Only items uploaded or created at or before this time, newest first. Not with `since`. */
  readonly until?: Date | string;
  /** The most items to emit in total; default: all. */
  readonly limit?: number;
  /** Items per request (page size), 1 to 1000; default 100. */
  readonly requestLimit?: number;
}

/** The query of a list, checked. */
export interface ListQuery {
  /** `from` and `ordering` as the REST API wants them, or nothing when neither `since` nor `until` was given. */
  readonly window: { readonly from: string; readonly descending: boolean } | null;
  readonly limit: number | undefined;
  readonly pageSize: number;
}

/** The keys of {@link ListOptions}. */
export const LIST_OPTION_KEYS = optionKeys<ListOptions>({ since: true, until: true, limit: true, requestLimit: true });

/**
 * Checks the options shared by every list, in an object of `known` keys. @throws InvalidParamError for a bad one,
 * before any request.
 */
export function checkListOptions(given: ListOptions | undefined, known: readonly string[] = LIST_OPTION_KEYS): ListQuery {
  const options = checkOptions('list options', given, known);
  const { since, until, limit, requestLimit } = options;
  if (since !== undefined && until !== undefined) {
    throw new InvalidParamError('Only one of since and until can be specified');
  }
  if (limit !== undefined && !(Number.isSafeInteger(limit) && limit >= 0)) {
    throw new InvalidParamError(`limit must be a non-negative integer, not ${describeValue(limit)}`);
  }
  if (requestLimit !== undefined && !(Number.isInteger(requestLimit) && requestLimit >= 1 && requestLimit <= MAX_REQUEST_LIMIT)) {
    throw new InvalidParamError(`requestLimit must be an integer from 1 to ${MAX_REQUEST_LIMIT}, not ${describeValue(requestLimit)}`);
  }
  const window =
    since !== undefined
      ? { from: toIsoDate('since', since), descending: false }
      : until !== undefined
        ? { from: toIsoDate('until', until), descending: true }
        : null;
  const pageSize = Math.min(requestLimit ?? DEFAULT_REQUEST_LIMIT, limit || MAX_REQUEST_LIMIT);
  return { window, limit, pageSize };
}

/** `null` (both), `true` or `false`, else an InvalidParamError naming `name`. */
export function checkTriState(name: string, value: boolean | null | undefined): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') throw new InvalidParamError(`${name} must be true, false or null, not ${describeValue(value)}`);
  return value;
}

function toIsoDate(name: string, value: Date | string): string {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new InvalidParamError(`${name} must be a valid date, not ${describeValue(value)}`);
  return date.toISOString();
}
