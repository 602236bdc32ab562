import { InjectionToken, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { UploadcareClient, type UploadcareOptions } from 'rxuploadcare';

/** The application's one Uploadcare client. */
export const UPLOADCARE = new InjectionToken<UploadcareClient>('rxuploadcare client');

/**
 * Provides the client to the whole application:
 * `bootstrapApplication(App, { providers: [provideUploadcare({ publicKey, signatureResolver })] })`.
 * In a browser, REST requests are signed by a `signatureResolver` that asks a backend: never ship the secret key.
 */
export function provideUploadcare(options: UploadcareOptions): EnvironmentProviders {
  return makeEnvironmentProviders([{ provide: UPLOADCARE, useFactory: () => new UploadcareClient(options) }]);
}
