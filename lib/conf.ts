import { UploadcareClient } from './core/client.js';
import { canonicalOptions, UPLOADCARE_OPTION_KEYS, type AuthScheme, type SignatureResolver, type UploadcareOptions } from './config.js';
import { describeValue } from './describe-value.js';
import { InvalidParamError, UnknownOptionError } from './errors.js';
import { nearestName } from './options/nearest-name.js';
import { isSeedAlias, SEED_ALIASES } from './options/seed-aliases.js';
import type { RetryPolicyInput } from './transport/retry-policy.js';

/**
 * The global configuration (pyuploadcare's `conf`), read by {@link defaultClient}: the client seed-style code
 * (`new File(uuid)`, `restRequest(...)`) uses when it is given none. Its fields are the client's options
 * ({@link UploadcareOptions}, same names); the seed's names are accessors onto them (`conf.pubKey` is
 * `conf.publicKey`, `conf.timeout` is `conf.timeoutMs / 1000`). Assigning any other key throws an UnknownOptionError.
 */
export interface SeedConf {
  publicKey: string | undefined;
  secretKey: string | undefined;
  restBase: string | undefined;
  uploadBase: string | undefined;
  cdnBase: string | undefined;
  apiVersion: string | undefined;
  authScheme: AuthScheme | undefined;
  signatureResolver: SignatureResolver | undefined;
  timeoutMs: number | undefined;
  retry: RetryPolicyInput | undefined;
  userAgent: string | undefined;
  /** Seed name of `publicKey` (`conf.pub_key`). */
  pubKey: string | undefined;
  /** Seed name of `secretKey` (`conf.secret`). */
  secret: string | undefined;
  /** Seed name of `restBase` (`conf.api_base`). */
  apiBase: string | undefined;
  /** Request timeout in SECONDS, as in pyuploadcare (`conf.timeout`): `timeoutMs / 1000`. */
  timeout: number | undefined;
  /** Retries of throttled requests (`conf.retry_throttled`): `retry.throttled.maxRetries`. */
  retryThrottled: number | undefined;
  /** Seed name of `userAgent` (`conf.user_agent_extension`). */
  userAgentExtension: string | undefined;
}

const fields: Record<string, unknown> = Object.fromEntries(UPLOADCARE_OPTION_KEYS.map((key) => [key, undefined]));

/**
 * The global configuration; every field starts undefined (the library defaults apply). Spreading it (`{ ...conf }`)
 * copies the options under their own names, which `Object.assign(conf, saved)` restores.
 */
export const conf: SeedConf = new Proxy(fields, {
  get(target, key) {
    if (typeof key === 'string' && isSeedAlias(key)) return SEED_ALIASES[key]?.read(target);
    return Reflect.get(target, key) as unknown;
  },
  set(target, key, value: unknown) {
    if (typeof key !== 'string') return false;
    const alias = SEED_ALIASES[key];
    if (alias) {
      Object.assign(target, alias.apply(value, target));
      return true;
    }
    if (!UPLOADCARE_OPTION_KEYS.includes(key)) {
      throw new UnknownOptionError('conf', key, nearestName(key, [...UPLOADCARE_OPTION_KEYS, ...Object.keys(SEED_ALIASES)]));
    }
    target[key] = value;
    return true;
  },
  deleteProperty(target, key) {
    // A field deleted is a field unset: conf keeps every option key, so snapshots compare key by key.
    if (typeof key === 'string' && UPLOADCARE_OPTION_KEYS.includes(key)) target[key] = undefined;
    return true;
  },
}) as unknown as SeedConf;

let cached: { readonly snapshot: Readonly<Record<string, unknown>>; readonly client: UploadcareClient } | undefined;

/** The client built from {@link conf}; a new one whenever a field of `conf` changed since the last call. */
export function defaultClient(): UploadcareClient {
  const snapshot: Readonly<Record<string, unknown>> = { ...conf };
  if (cached && sameConf(cached.snapshot, snapshot)) return cached.client;
  const client = new UploadcareClient(optionsFromConf(snapshot));
  cached = { snapshot, client };
  return client;
}

/**
 * The client a call was given, or {@link defaultClient} when it was given none (undefined). Anything else than a client
 * is an InvalidParamError (it would fail later as a TypeError, or worse, be taken for options).
 */
export function clientOrDefault(client: UploadcareClient | undefined): UploadcareClient {
  if (client === undefined) return defaultClient();
  const candidate = client as Partial<Record<'sendOnce' | 'upload' | 'request', unknown>> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.sendOnce !== 'function' || typeof candidate.upload !== 'function') {
    throw new InvalidParamError(`The client must be an Uploadcare client, not ${describeValue(client)}`);
  }
  return client;
}

/**
 * The {@link UploadcareOptions} a configuration stands for: unset fields left out, the seed's names (`pubKey`,
 * `apiBase`, `timeout` in seconds, `retryThrottled`...) turned into the options they stand for.
 */
export function optionsFromConf(seed: Partial<SeedConf> | Readonly<Record<string, unknown>>): UploadcareOptions {
  return canonicalOptions(seed as UploadcareOptions, 'conf');
}

function sameConf(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  return Object.keys(b).every((key) => a[key] === b[key]) && Object.keys(a).length === Object.keys(b).length;
}
