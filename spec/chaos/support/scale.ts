/**
 * How big the chaos scenarios run. The default ("ci") runs the sizes of issue 9 (1,000 throttled operations, a 200 MiB
 * multipart upload, 500 faulted REST calls, 200 cancellations) with 100 fast-check runs per property, and keeps the
 * whole chaos suite well under 2.5 minutes on a 2-core machine; `CHAOS_SCALE=full` runs 300 per property.
 */
export interface ChaosScale {
  readonly name: 'ci' | 'full';
  /** Mixed operations of the throttling storm. */
  readonly stormOperations: number;
  /** Of which uploads (they run in their own sequential lane). */
  readonly stormUploads: number;
  /** Size of the multipart upload under faults, in MiB. */
  readonly multipartMiB: number;
  /** REST calls under faults. */
  readonly faultedRestCalls: number;
  /** Operations cancelled at random moments. */
  readonly cancellations: number;
  /** fast-check runs per property. */
  readonly propertyRuns: number;
}

const CI: ChaosScale = {
  name: 'ci',
  stormOperations: 1000,
  stormUploads: 80,
  multipartMiB: 200,
  faultedRestCalls: 500,
  cancellations: 200,
  propertyRuns: 100,
};

const FULL: ChaosScale = {
  name: 'full',
  stormOperations: 1000,
  stormUploads: 80,
  multipartMiB: 200,
  faultedRestCalls: 500,
  cancellations: 200,
  propertyRuns: 300,
};

/** The scale of this run, from `CHAOS_SCALE` (Node only; browsers run the default). */
export function chaosScale(): ChaosScale {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.['CHAOS_SCALE'] === 'full' ? FULL : CI;
}
