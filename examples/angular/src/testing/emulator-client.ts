import { TestBed } from '@angular/core/testing';
import { inject as injected } from 'vitest';
import { provideUploadcare } from '../app/uploadcare/uploadcare.provider';
import { emulatorOptions } from '../app/uploadcare-settings';

/** The emulator the test setup started, as the app reaches it: its demo key, REST signed by its demo signer. */
export function provideEmulator(): void {
  TestBed.configureTestingModule({ providers: [provideUploadcare(emulatorOptions(emulatorBase()))] });
}

/** The emulator's base URL, ending in `/`. */
export function emulatorBase(): string {
  return injected('uploadcareBase');
}
