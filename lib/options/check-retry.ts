import type { BackoffPolicy, RetryPolicyInput } from '../transport/retry-policy.js';
import { checkOptions, optionKeys } from './check-options.js';

const RETRY_KEYS = optionKeys<RetryPolicyInput>({ throttled: true, network: true, retryStatuses: true, maxServerWaitMs: true });
const BACKOFF_KEYS = optionKeys<BackoffPolicy>({ maxRetries: true, baseMs: true, maxMs: true });

/** Checks the shape of a retry policy override (an object of known keys, its backoffs too); the values are clamped later. */
export function checkRetryInput(where: string, input: RetryPolicyInput | undefined): RetryPolicyInput | undefined {
  if (input === undefined) return undefined;
  const retry = checkOptions(`${where} retry`, input, RETRY_KEYS);
  checkOptions(`${where} retry.throttled`, retry.throttled, BACKOFF_KEYS);
  checkOptions(`${where} retry.network`, retry.network, BACKOFF_KEYS);
  return retry;
}
