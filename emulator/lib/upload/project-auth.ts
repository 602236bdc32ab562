import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ProjectConfig } from '../state/records.js';
import type { Store } from '../state/store.js';
import { UploadApiError } from './errors.js';
import type { RequestParams } from './params.js';

/** The fields that name the project, in the order {@link requireProject} reads them. */
export const PUBLIC_KEY_FIELDS: readonly string[] = ['UPLOADCARE_PUB_KEY', 'pub_key'];

/**
 * The project a request addresses. Uploads name it `UPLOADCARE_PUB_KEY`, the other calls `pub_key`;
 * either is accepted, and the error names the one the endpoint documents.
 */
export function requireProject(store: Store, params: RequestParams, documentedName: 'UPLOADCARE_PUB_KEY' | 'pub_key'): ProjectConfig {
  const key = params.get('UPLOADCARE_PUB_KEY') ?? params.get('pub_key');
  if (!key) throw new UploadApiError('ProjectPublicKeyRequiredError', documentedName);
  const project = store.project(key);
  if (!project) throw new UploadApiError('ProjectPublicKeyInvalidError', documentedName);
  return project;
}

/** The project when the request names one so far (a wrong or empty key throws as {@link requireProject} does). */
export function checkNamedProject(store: Store, params: RequestParams, documentedName: 'UPLOADCARE_PUB_KEY' | 'pub_key'): ProjectConfig | undefined {
  return PUBLIC_KEY_FIELDS.some((name) => params.get(name) !== undefined) ? requireProject(store, params, documentedName) : undefined;
}

/** The signed-upload signature for `expire`: hex HMAC-SHA256 of the decimal timestamp with the secret key. */
export function uploadSignature(secretKey: string, expire: string | number): string {
  return createHmac('sha256', secretKey).update(String(expire)).digest('hex');
}

/**
 * Checks `signature` + `expire` when the project requires signed uploads, and only then: the real service ignores a
 * signature, expired or wrong, on a project that does not (its recordings accept pyuploadcare 4.0–4.1's default
 * `expire=60`, a moment of 1970).
 */
export function checkUploadSignature(project: ProjectConfig, params: RequestParams, now = Date.now()): void {
  if (!project.requireSignedUploads) return;
  const signature = params.get('signature');
  const expire = params.get('expire');
  if (!signature) throw new UploadApiError('SignatureRequiredError');
  if (!expire) throw new UploadApiError('SignatureExpirationRequiredError');
  if (!/^\d+$/.test(expire)) throw new UploadApiError('SignatureExpirationInvalidError');
  if (Number(expire) * 1000 <= now) throw new UploadApiError('SignatureExpirationError');
  const expected = Buffer.from(uploadSignature(project.secretKey, expire));
  const given = Buffer.from(signature.toLowerCase());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new UploadApiError('SignatureInvalidError');
  }
}
