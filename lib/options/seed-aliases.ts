import type { UploadcareOptions } from './uploadcare-options.js';
import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';

/**
 * How one of the seed's option names (pyuploadcare 1.3's `conf`, in snake_case or camelCase) maps onto the client's
 * options: `apply` writes an alias's value into the options, `read` reads it back (for the global `conf`).
 */
export interface SeedAlias {
  /** The client option it stands for; undefined for a seed setting with no option of its own. */
  readonly option: keyof UploadcareOptions | undefined;
  apply(value: unknown, options: Readonly<Record<string, unknown>>): Record<string, unknown>;
  read(options: Readonly<Record<string, unknown>>): unknown;
}

/** The same value under another name. */
function renamed(option: keyof UploadcareOptions): SeedAlias {
  return { option, apply: (value, options) => ({ ...options, [option]: value }), read: (options) => options[option] };
}

/** pyuploadcare's `timeout` is in seconds; a value that is no number goes through for `resolveTimeout` to refuse. */
const timeoutSeconds: SeedAlias = {
  option: 'timeoutMs',
  apply: (value, options) => ({ ...options, timeoutMs: typeof value === 'number' ? value * 1000 : value }),
  read: (options) => (typeof options['timeoutMs'] === 'number' ? options['timeoutMs'] / 1000 : options['timeoutMs']),
};

/** pyuploadcare's `retry_throttled`: the retries of throttled requests, merged into `retry.throttled`. */
const retryThrottled: SeedAlias = {
  option: undefined,
  apply: (value, options) => {
    if (value === undefined) return { ...options };
    const retry = (options['retry'] ?? {}) as { readonly throttled?: object };
    return { ...options, retry: { ...retry, throttled: { ...retry.throttled, maxRetries: value } } };
  },
  read: (options) => (options['retry'] as { readonly throttled?: { readonly maxRetries?: unknown } } | undefined)?.throttled?.maxRetries,
};

/** pyuploadcare's `verify_api_ssl` / `verify_upload_ssl`: certificates are always verified, so only `true` is accepted. */
const alwaysVerified = (name: string): SeedAlias => ({
  option: undefined,
  apply: (value, options) => {
    if (value !== undefined && value !== true) {
      throw new InvalidParamError(`${name} can only be true: TLS certificates are always verified (not ${describeValue(value)})`);
    }
    return { ...options };
  },
  read: () => true,
});

/** Every seed name the client options and `conf` accept, with the option it stands for. */
export const SEED_ALIASES: Readonly<Record<string, SeedAlias>> = Object.freeze({
  pub_key: renamed('publicKey'),
  pubKey: renamed('publicKey'),
  secret: renamed('secretKey'),
  api_base: renamed('restBase'),
  apiBase: renamed('restBase'),
  upload_base: renamed('uploadBase'),
  cdn_base: renamed('cdnBase'),
  api_version: renamed('apiVersion'),
  user_agent_extension: renamed('userAgent'),
  userAgentExtension: renamed('userAgent'),
  timeout: timeoutSeconds,
  retry_throttled: retryThrottled,
  retryThrottled,
  verify_api_ssl: alwaysVerified('verify_api_ssl'),
  verifyApiSsl: alwaysVerified('verifyApiSsl'),
  verify_upload_ssl: alwaysVerified('verify_upload_ssl'),
  verifyUploadSsl: alwaysVerified('verifyUploadSsl'),
});

/** Whether `key` is one of the seed's names. */
export function isSeedAlias(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(SEED_ALIASES, key);
}

/**
 * `options` with every seed name replaced by the option it stands for. An option given under two names with different
 * values is an InvalidParamError (which one should win is anyone's guess); undefined values count as absent.
 */
export function withoutSeedAliases(options: Readonly<Record<string, unknown>>): Record<string, unknown> {
  let result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) if (!isSeedAlias(key) && value !== undefined) result[key] = value;
  for (const [key, value] of Object.entries(options)) {
    const alias = SEED_ALIASES[key];
    if (alias === undefined || value === undefined) continue;
    const before = alias.option === undefined ? undefined : result[alias.option];
    result = alias.apply(value, result);
    if (alias.option !== undefined && before !== undefined && result[alias.option] !== before) {
      throw new InvalidParamError(`${alias.option} and its seed name ${key} disagree (${describeValue(before)} and ${describeValue(value)}): give one`);
    }
  }
  return result;
}
