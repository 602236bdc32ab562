/**
 * rxuploadcare: the reactive Uploadcare client. Every operation is a cold RxJS Observable.
 * @packageDocumentation
 */
export { version } from './version.js';
export * from './errors.js';
export * from './config.js';
export * from './conf.js';
export { Uploadcare } from './client.js';
export type { HttpMethod, HttpRequest, HttpResponse, RequestOptions, ResponseType, UploadField, UploadFile, UploadFilePart } from './transport/types.js';
export { DEFAULT_RETRY_POLICY, type BackoffPolicy, type RetryPolicy, type RetryPolicyInput } from './transport/retry-policy.js';
export { retryByPolicy, IDEMPOTENT_METHODS, type RetryEnvironment, type RetryTarget } from './transport/retry.js';
export { restSignString, type SignableRequest } from './transport/rest-auth.js';
export { hmacSha1Hex, hmacSha256Hex, md5Hex } from './transport/crypto.js';
export { restRequest, uploadingRequest } from './transport/seed-requests.js';
