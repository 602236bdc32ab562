/** Where the servers of the test run live; set by the Node helper or passed to the browser by Karma. */
export interface TestEnv {
  /** The Uploadcare emulator (REST, Upload API and CDN on one origin). */
  readonly emulatorUrl: string;
  /** The scripted server of spec/support/script-server.ts, for transport specs. */
  readonly scriptUrl: string;
}

interface WithTestEnv {
  __RXUC_TEST_ENV__?: TestEnv;
  __karma__?: { config?: { testEnv?: TestEnv } };
}

export function testEnv(): TestEnv {
  const scope = globalThis as WithTestEnv;
  const env = scope.__RXUC_TEST_ENV__ ?? scope.__karma__?.config?.testEnv;
  if (!env) throw new Error('Test servers are not running: run specs through npm test.');
  return env;
}

/** True when the spec runs in a browser (Karma), false in Node. */
export const inBrowser = typeof (globalThis as { window?: unknown }).window !== 'undefined';
