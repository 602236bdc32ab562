import { Uploadcare } from './client.js';
import type { AuthScheme, SignatureResolver, UploadcareOptions } from './config.js';
import type { RetryPolicyInput } from './transport/retry-policy.js';

/**
 * The seed's global configuration (pyuploadcare's `conf`), read by {@link defaultClient}: the client seed-style code
 * (`new File(uuid)`, `restRequest(...)`) uses when it is given none. Assign fields at any time; the next call
 * picks them up. Names follow pyuploadcare in camelCase.
 */
export interface SeedConf {
  /** Public key (`conf.pub_key`). */
  pubKey: string | undefined;
  /** Secret key (`conf.secret`). */
  secret: string | undefined;
  /** REST API base (`conf.api_base`). */
  apiBase: string | undefined;
  /** Upload API base (`conf.upload_base`). */
  uploadBase: string | undefined;
  /** CDN base (`conf.cdn_base`). */
  cdnBase: string | undefined;
  /** REST API version (`conf.api_version`). */
  apiVersion: string | undefined;
  /** Request timeout in SECONDS, as in pyuploadcare (`conf.timeout`); undefined keeps the default. */
  timeout: number | undefined;
  /** Retries of throttled requests (`conf.retry_throttled`); undefined keeps the default. */
  retryThrottled: number | undefined;
  /** Appended to the user agent (`conf.user_agent_extension`). */
  userAgentExtension: string | undefined;
  /** REST auth scheme; undefined is `signed`. */
  authScheme: AuthScheme | undefined;
  /** Signs REST requests elsewhere (see {@link UploadcareOptions.signatureResolver}). */
  signatureResolver: SignatureResolver | undefined;
  /** The rest of the retry policy. */
  retry: RetryPolicyInput | undefined;
}

/** The global configuration; every field starts undefined (the library defaults apply). */
export const conf: SeedConf = {
  pubKey: undefined,
  secret: undefined,
  apiBase: undefined,
  uploadBase: undefined,
  cdnBase: undefined,
  apiVersion: undefined,
  timeout: undefined,
  retryThrottled: undefined,
  userAgentExtension: undefined,
  authScheme: undefined,
  signatureResolver: undefined,
  retry: undefined,
};

let cached: { readonly snapshot: SeedConf; readonly client: Uploadcare } | undefined;

/** The client built from {@link conf}; a new one whenever a field of `conf` changed since the last call. */
export function defaultClient(): Uploadcare {
  const snapshot = { ...conf };
  if (cached && sameConf(cached.snapshot, snapshot)) return cached.client;
  const client = new Uploadcare(optionsFromConf(snapshot));
  cached = { snapshot, client };
  return client;
}

/** The {@link UploadcareOptions} a seed configuration stands for. */
export function optionsFromConf(seed: SeedConf): UploadcareOptions {
  const retry: RetryPolicyInput | undefined =
    seed.retryThrottled === undefined ? seed.retry : { ...seed.retry, throttled: { ...seed.retry?.throttled, maxRetries: seed.retryThrottled } };
  return {
    ...(seed.pubKey !== undefined && { publicKey: seed.pubKey }),
    ...(seed.secret !== undefined && { secretKey: seed.secret }),
    ...(seed.apiBase !== undefined && { restBase: seed.apiBase }),
    ...(seed.uploadBase !== undefined && { uploadBase: seed.uploadBase }),
    ...(seed.cdnBase !== undefined && { cdnBase: seed.cdnBase }),
    ...(seed.apiVersion !== undefined && { apiVersion: seed.apiVersion }),
    // A timeout that is no number goes through as is, for resolveTimeout to refuse (multiplying it could throw).
    ...(seed.timeout !== undefined && { timeoutMs: typeof seed.timeout === 'number' ? seed.timeout * 1000 : seed.timeout }),
    ...(seed.userAgentExtension !== undefined && { userAgent: seed.userAgentExtension }),
    ...(seed.authScheme !== undefined && { authScheme: seed.authScheme }),
    ...(seed.signatureResolver !== undefined && { signatureResolver: seed.signatureResolver }),
    ...(retry !== undefined && { retry }),
  };
}

function sameConf(a: SeedConf, b: SeedConf): boolean {
  return (Object.keys(b) as (keyof SeedConf)[]).every((key) => a[key] === b[key]) && Object.keys(a).length === Object.keys(b).length;
}
