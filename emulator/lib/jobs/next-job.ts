import type { JobTiming, NextJob } from './job-runner.js';

/** A control API body for jobs that cannot be used: the field and why. */
export class InvalidJobSettingError extends Error {
  override readonly name = 'InvalidJobSettingError';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason);
  }
}

/** Reads `{ outcome?, seconds?, error? }` of the control API; a bad field is an InvalidJobSettingError naming it. */
export function parseNextJob(data: unknown): NextJob {
  const fields = objectOf(data);
  const { outcome, seconds, error } = fields;
  for (const key of Object.keys(fields)) if (!['outcome', 'seconds', 'error'].includes(key)) throw new InvalidJobSettingError(key, `Unknown field \`${key}\`.`);
  if (outcome !== undefined && outcome !== 'finished' && outcome !== 'failed' && outcome !== 'cancelled') {
    throw new InvalidJobSettingError('outcome', '`outcome` must be finished, failed or cancelled.');
  }
  if (seconds !== undefined && !isSeconds(seconds)) throw new InvalidJobSettingError('seconds', '`seconds` must be a number of seconds.');
  if (error !== undefined && typeof error !== 'string') throw new InvalidJobSettingError('error', '`error` must be a string.');
  return { ...(outcome !== undefined && { outcome }), ...(seconds !== undefined && { seconds }), ...(error !== undefined && { error }) };
}

/** Reads `{ pendingSeconds?, processingSeconds? }` of the control API. */
export function parseJobTiming(data: unknown): Partial<JobTiming> {
  const fields = objectOf(data);
  const timing: Record<string, number> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key !== 'pendingSeconds' && key !== 'processingSeconds') throw new InvalidJobSettingError(key, `Unknown field \`${key}\`.`);
    if (!isSeconds(value)) throw new InvalidJobSettingError(key, `\`${key}\` must be a number of seconds.`);
    timing[key] = value;
  }
  return timing;
}

function objectOf(data: unknown): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new InvalidJobSettingError('', 'Expected a JSON object.');
  return data as Record<string, unknown>;
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 3600;
}
