import type { Observable } from 'rxjs';
import type { RetryPolicyInput } from '../transport/retry-policy.js';

/** `signed`: HMAC-SHA1 signatures (the default); `simple`: `Uploadcare.Simple public:secret`, sent as is. */
export type AuthScheme = 'signed' | 'simple';

/**
 * Signs a REST sign string (`METHOD\nmd5(body)\ncontent-type\ndate\npath?query`) without the secret in this process:
 * a browser asks its backend, which answers the hex HMAC-SHA1 of the string with the secret key.
 */
export type SignatureResolver = (signString: string) => Observable<string> | Promise<string>;

/**
 * Options of an {@link Uploadcare} client. Every one is optional. The seed's names (pyuploadcare's `conf`: `pub_key`,
 * `secret`, `api_base`, `upload_base`, `cdn_base`, `api_version`, `timeout` in seconds, `retry_throttled`,
 * `user_agent_extension`, `verify_api_ssl`, and their camelCase forms) are accepted too (see {@link SEED_ALIASES});
 * any other key is an {@link UnknownOptionError}.
 */
export interface UploadcareOptions {
  /** The project's public key (Upload API `pub_key`, REST auth). */
  readonly publicKey?: string;
  /** The project's secret key (REST auth). Keep it on servers; browsers use `signatureResolver`. */
  readonly secretKey?: string;
  /** REST API base. Default `https://api.uploadcare.com/`. */
  readonly restBase?: string;
  /** Upload API base. Default `https://upload.uploadcare.com/`. */
  readonly uploadBase?: string;
  /**
   * CDN base. Default: the project's own `https://<prefix>.ucarecd.net/`, derived from `publicKey` as Uploadcare does
   * since September 2025 (see {@link defaultCdnBase}); `https://ucarecdn.com/` without a public key. Accounts created
   * before then, whose files `ucarecdn.com` serves, set it to `https://ucarecdn.com/`.
   */
  readonly cdnBase?: string;
  /** REST API version, sent in `Accept`. Default `0.7`. */
  readonly apiVersion?: string;
  /** REST auth scheme. Default `signed`. */
  readonly authScheme?: AuthScheme;
  /** Signs REST requests instead of the local secret (used when set, even if `secretKey` is set too). */
  readonly signatureResolver?: SignatureResolver;
  /** Milliseconds each attempt may wait for an answer's headers; 0 waits forever. Default 60 000. */
  readonly timeoutMs?: number;
  /** Overrides parts of the default retry policy ({@link DEFAULT_RETRY_POLICY}). */
  readonly retry?: RetryPolicyInput;
  /** Appended to the library's user agent (Node only: browsers do not let scripts set it). */
  readonly userAgent?: string;
}
