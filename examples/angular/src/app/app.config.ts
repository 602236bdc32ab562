import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideUploadcare } from './uploadcare/uploadcare.provider';
import { emulatorOptions, uploadcareBase } from './uploadcare-settings';

export const appConfig: ApplicationConfig = {
  providers: [provideBrowserGlobalErrorListeners(), provideUploadcare(emulatorOptions(uploadcareBase(window.location)))],
};
