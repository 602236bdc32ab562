import { defineConfig } from 'vitest/config';

// What `ng test` adds to Angular's Vitest setup: the emulator, started around the run.
export default defineConfig({
  test: {
    globalSetup: ['testing/emulator.global-setup.ts'],
    testTimeout: 30_000,
  },
});
