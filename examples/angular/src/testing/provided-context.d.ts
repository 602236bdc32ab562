// What testing/emulator.global-setup.ts provides to the specs (`inject('uploadcareBase')` from 'vitest').
declare module 'vitest' {
  export interface ProvidedContext {
    /** The emulator's base URL, ending in `/`. */
    uploadcareBase: string;
  }
}

export {};
