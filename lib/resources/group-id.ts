import { InvalidParamError } from '../errors.js';
import { UUID_PATTERN } from './uuid.js';
import { describeValue } from '../describe-value.js';

/** What a group id or group CDN URL says about a group. */
export interface GroupReference {
  /** `<uuid>~<count>` */
  readonly id: string;
  /** The number of files, from the id. */
  readonly count: number;
}

const GROUP_ID = new RegExp(`(${UUID_PATTERN})~(\\d+)`);

/** True when `value` is exactly a group id `<uuid>~<N>` (N >= 1), nothing around it: what an answer must hold. */
export function isGroupId(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return parseGroupReference(value).id === value;
  } catch {
    return false;
  }
}

/**
 * Finds `<uuid>~<N>` (N >= 1) anywhere in `value`: a bare group id or a group CDN URL.
 * @throws InvalidParamError `Couldn't find group id` otherwise (`~0`, `~x`, no `~`, N too large to count).
 */
export function parseGroupReference(value: string): GroupReference {
  if (typeof value !== 'string') throw new InvalidParamError(`Couldn't find group id in ${typeof value}`);
  const match = GROUP_ID.exec(value);
  const count = match ? Number(match[2]) : 0;
  if (!match || !Number.isSafeInteger(count) || count < 1) {
    throw new InvalidParamError(`Couldn't find group id in ${describeValue(value)}`);
  }
  return { id: `${match[1] ?? ''}~${count}`, count };
}
