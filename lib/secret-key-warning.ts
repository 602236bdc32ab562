import { runningInNode } from './transport/environment.js';

/** Printed once per page when a client holding a secret key is built outside Node. Never contains the key. */
export const SECRET_IN_BROWSER_WARNING =
  'rxuploadcare: a secret key is configured in a browser. Anyone who loads this page can read it and act on your ' +
  'project. Keep the secret on your server: sign REST requests with `signatureResolver` and uploads with a ' +
  '`signed` resolver that asks your backend.';

/** Whether the warning was given in this page (module state, so once per page load). */
export const secretKeyWarningState = { warned: false };

/**
 * Warns once (per page) when `secretKey` is set in a browser or worker; does nothing in Node. `warn` is console.warn
 * unless a caller supplies another sink.
 */
export function warnIfSecretInBrowser(secretKey: string | undefined, warn: (message: string) => void = (message) => console.warn(message)): void {
  if (!secretKey || secretKeyWarningState.warned || runningInNode()) return;
  secretKeyWarningState.warned = true;
  warn(SECRET_IN_BROWSER_WARNING);
}
