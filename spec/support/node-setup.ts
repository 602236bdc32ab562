import { startTestServers } from './test-servers.js';
import { countingReporter } from './counting-reporter.js';
import type { TestEnv } from './test-env.js';

// Jasmine helper for the Node run: starts the test servers around the whole suite and reports totals.
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const servers = await startTestServers();
  (globalThis as { __RXUC_TEST_ENV__?: TestEnv }).__RXUC_TEST_ENV__ = servers.env;
  close = servers.close;
});

afterAll(async () => {
  await close?.();
});

jasmine.getEnv().addReporter(
  countingReporter('node', (line, executed) => {
    console.log(`\n${line}`);
    if (executed === 0) {
      console.error('No spec was executed: failing the run.');
      process.exitCode = 1;
    }
  }),
);
