import type { UploadcareOptions } from 'rxuploadcare';
import { backendSigner } from './uploadcare/backend-signer';

/** The emulator `npm run emulator` starts (the tests start their own and name it with `?uploadcare=`). */
export const DEFAULT_EMULATOR = 'http://127.0.0.1:8000/';

/** Where this page finds Uploadcare: `?uploadcare=<base URL>`, else {@link DEFAULT_EMULATOR}. */
export function uploadcareBase(location: Location): string {
  const base = new URLSearchParams(location.search).get('uploadcare') ?? DEFAULT_EMULATOR;
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * The client's options for the emulator at `base`: its demo project's public key, and REST signed by its demo signer,
 * which stands for your backend's signing route. Against Uploadcare: your public key, no bases, and
 * `backendSigner('/api/uploadcare-sign')` (docs/angular.md).
 */
export function emulatorOptions(base: string): UploadcareOptions {
  return {
    publicKey: 'demopublickey',
    restBase: base,
    uploadBase: base,
    cdnBase: base,
    signatureResolver: backendSigner(`${base}demo/sign`),
  };
}
