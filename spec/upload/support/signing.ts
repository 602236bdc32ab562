import { createHmac } from 'node:crypto';
import { UploadcareException } from '../../../lib/errors.js';
import type { UploadSignature } from '../../../lib/upload/signature.js';

/** What a backend signer answers: the signed-upload signature of `expire` under the demo project's secret. */
export function backendSign(expire: number): UploadSignature {
  return { expire, signature: createHmac('sha256', 'demosecretkey').update(String(expire)).digest('hex') };
}

/** The UploadcareException `promise` fails with (a spec failure when it succeeds or fails otherwise). */
export async function uploadcareFailure(promise: Promise<unknown>): Promise<UploadcareException> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UploadcareException);
  return error as UploadcareException;
}
