import { defaultCdnBase, LEGACY_CDN_BASE } from './cdn-base.js';
import { rememberSecret } from './known-secrets.js';
import { InvalidParamError } from './errors.js';
import { warnIfSecretInBrowser } from './secret-key-warning.js';
import { DEFAULT_RETRY_POLICY, resolveRetryPolicy, type RetryPolicy } from './transport/retry-policy.js';
import { describeValue } from './describe-value.js';
import { checkOptions, optionKeys } from './options/check-options.js';
import { checkRetryInput } from './options/check-retry.js';
import { SEED_ALIASES, withoutSeedAliases } from './options/seed-aliases.js';

export type { AuthScheme, SignatureResolver, UploadcareOptions } from './options/uploadcare-options.js';
import type { AuthScheme, SignatureResolver, UploadcareOptions } from './options/uploadcare-options.js';

/** {@link UploadcareOptions} with every default applied; bases end with `/`. */
export interface ResolvedUploadcareOptions {
  readonly publicKey: string | undefined;
  readonly secretKey: string | undefined;
  readonly restBase: string;
  readonly uploadBase: string;
  readonly cdnBase: string;
  readonly apiVersion: string;
  readonly authScheme: AuthScheme;
  readonly signatureResolver: SignatureResolver | undefined;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy;
  readonly userAgent: string | undefined;
}

/** The defaults of {@link UploadcareOptions}. */
export const DEFAULT_OPTIONS = Object.freeze({
  restBase: 'https://api.uploadcare.com/',
  uploadBase: 'https://upload.uploadcare.com/',
  /** The CDN base without a public key; with one, the project's prefixed base ({@link defaultCdnBase}). */
  cdnBase: LEGACY_CDN_BASE,
  apiVersion: '0.7',
  authScheme: 'signed' as AuthScheme,
  timeoutMs: 60_000,
  retry: DEFAULT_RETRY_POLICY,
});

/** The keys of {@link UploadcareOptions}. */
export const UPLOADCARE_OPTION_KEYS = optionKeys<UploadcareOptions>({
  publicKey: true,
  secretKey: true,
  restBase: true,
  uploadBase: true,
  cdnBase: true,
  apiVersion: true,
  authScheme: true,
  signatureResolver: true,
  timeoutMs: true,
  retry: true,
  userAgent: true,
});

/**
 * Applies the defaults and checks the values; throws InvalidParamError for a bad one, UnknownOptionError for a key
 * that is neither an option nor one of the seed's names.
 */
export function resolveOptions(given?: UploadcareOptions): ResolvedUploadcareOptions {
  const options = canonicalOptions(given, 'Uploadcare options');
  const authScheme = options.authScheme ?? DEFAULT_OPTIONS.authScheme;
  if (authScheme !== 'signed' && authScheme !== 'simple') {
    throw new InvalidParamError(`authScheme must be 'signed' or 'simple', not ${describeValue(authScheme)}`);
  }
  const publicKey = resolveKey('publicKey', options.publicKey);
  const resolved: ResolvedUploadcareOptions = Object.freeze({
    publicKey,
    secretKey: resolveKey('secretKey', options.secretKey),
    restBase: resolveBase('restBase', options.restBase ?? DEFAULT_OPTIONS.restBase),
    uploadBase: resolveBase('uploadBase', options.uploadBase ?? DEFAULT_OPTIONS.uploadBase),
    cdnBase: resolveBase('cdnBase', options.cdnBase ?? defaultCdnBase(publicKey)),
    apiVersion: resolveApiVersion(options.apiVersion),
    authScheme,
    signatureResolver: resolveSignatureResolver(options.signatureResolver),
    timeoutMs: resolveTimeout(options.timeoutMs, DEFAULT_OPTIONS.timeoutMs),
    retry: resolveRetryPolicy(checkRetryInput('Uploadcare options', options.retry)),
    userAgent: resolveText('userAgent', options.userAgent),
  });
  warnIfSecretInBrowser(resolved.secretKey);
  rememberSecret(resolved.secretKey);
  return resolved;
}

/** `options` checked (an object of known keys) with the seed's names replaced by the options they stand for. */
export function canonicalOptions(options: UploadcareOptions | undefined, where: string): UploadcareOptions {
  const checked = checkOptions(where, options, [...UPLOADCARE_OPTION_KEYS, ...Object.keys(SEED_ALIASES)]);
  return withoutSeedAliases(checked as Readonly<Record<string, unknown>>) as UploadcareOptions;
}

function resolveSignatureResolver(value: SignatureResolver | undefined): SignatureResolver | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'function') throw new InvalidParamError(`signatureResolver must be a function, not ${describeValue(value)}`);
  return value;
}

/** A request timeout: a finite non-negative number of ms (0 = none); anything else is an InvalidParamError. */
export function resolveTimeout(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new InvalidParamError(`timeoutMs must be a non-negative number of ms, not ${describeValue(value)}`);
  return value;
}

/** An optional text option ('' counts as unset): a string without control characters, which go into headers. */
function resolveText(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  // eslint-disable-next-line no-control-regex
  if (typeof value !== 'string' || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new InvalidParamError(`${name} must be a string without control characters`);
  }
  return value;
}

/** A key: printable ASCII only, as it goes into the `Authorization: Uploadcare public:secret` header. */
function resolveKey(name: string, value: string | undefined): string | undefined {
  const key = resolveText(name, value);
  if (key !== undefined && !/^[\x20-\x7e]+$/.test(key)) throw new InvalidParamError(`${name} must be printable ASCII characters`);
  return key;
}

function resolveApiVersion(value: string | undefined): string {
  if (value === undefined) return DEFAULT_OPTIONS.apiVersion;
  if (typeof value !== 'string' || !/^[0-9]+(\.[0-9]+)*$/.test(value)) {
    throw new InvalidParamError(`apiVersion must look like '0.7', not ${describeValue(value)}`);
  }
  return value;
}

function resolveBase(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidParamError(`${name} must be an absolute http(s) URL, not ${describeValue(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidParamError(`${name} must be an http(s) URL, not ${describeValue(value)}`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
