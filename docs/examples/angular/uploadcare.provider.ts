// How an Angular app provides one rxuploadcare client to every service (see docs/demo.md, "Angular").
import { InjectionToken, type Provider } from '@angular/core';
import { Uploadcare, type UploadcareOptions } from '../../../lib/index.js';

/** The app's Uploadcare client. */
export const UPLOADCARE = new InjectionToken<Uploadcare>('rxuploadcare client');

/**
 * `bootstrapApplication(AppComponent, { providers: [provideUploadcare({ publicKey, signatureResolver })] })`.
 * In a browser, sign REST requests through your backend (`signatureResolver`); never ship the secret key.
 */
export function provideUploadcare(options: UploadcareOptions): Provider {
  return { provide: UPLOADCARE, useFactory: () => new Uploadcare(options) };
}
