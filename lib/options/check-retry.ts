import type { BackoffPolicy, RetryPolicyInput } from '../transport/retry-policy.js';
import type { RetryEnvironment } from '../transport/retry-environment.js';
import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { checkOptions, optionKeys } from './check-options.js';

const RETRY_KEYS = optionKeys<RetryPolicyInput>({ throttled: true, network: true, retryStatuses: true, maxServerWaitMs: true });
const BACKOFF_KEYS = optionKeys<BackoffPolicy>({ maxRetries: true, baseMs: true, maxMs: true });
const ENVIRONMENT_KEYS = optionKeys<RetryEnvironment>({ scheduler: true, random: true });

/** Checks the shape of a retry policy override (an object of known keys, its backoffs too); the values are clamped later. */
export function checkRetryInput(where: string, input: RetryPolicyInput | undefined): RetryPolicyInput | undefined {
  if (input === undefined) return undefined;
  const retry = checkOptions(`${where} retry`, input, RETRY_KEYS);
  checkOptions(`${where} retry.throttled`, retry.throttled, BACKOFF_KEYS);
  checkOptions(`${where} retry.network`, retry.network, BACKOFF_KEYS);
  return retry;
}

/** Checks a retry environment: known keys, a scheduler with `schedule` and `now`, a `random` function. */
export function checkRetryEnvironment(where: string, environment: RetryEnvironment | undefined): RetryEnvironment {
  const checked = checkOptions(where, environment, ENVIRONMENT_KEYS);
  const scheduler = checked.scheduler as { readonly schedule?: unknown; readonly now?: unknown } | undefined;
  if (scheduler !== undefined && (typeof scheduler !== 'object' || scheduler === null || typeof scheduler.schedule !== 'function' || typeof scheduler.now !== 'function')) {
    throw new InvalidParamError(`${where} scheduler must be an RxJS scheduler, not ${describeValue(scheduler)}`);
  }
  if (checked.random !== undefined && typeof checked.random !== 'function') {
    throw new InvalidParamError(`${where} random must be a function, not ${describeValue(checked.random)}`);
  }
  return checked;
}
