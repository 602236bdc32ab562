import { writeFileSync } from 'node:fs';
import { closingLine, countingReporter } from './counting-reporter.js';
import { startTestServers } from './test-servers.js';
import type { TestEnv } from './test-env.js';

// Jasmine helper for the Node run: starts the test servers around the whole suite and reports totals.
// Under spec/support/run-node.ts each shard is one Jasmine process; RXUC_RESULTS_OUT says where its totals go.
let close: (() => Promise<void>) | undefined;

// A guard against hangs, not a speed check: several shards share two cores, so loopback work can be slow to finish.
jasmine.DEFAULT_TIMEOUT_INTERVAL = 30_000;

beforeAll(async () => {
  const servers = await startTestServers();
  (globalThis as { __RXUC_TEST_ENV__?: TestEnv }).__RXUC_TEST_ENV__ = servers.env;
  close = servers.close;
});

afterAll(async () => {
  await close?.();
});

jasmine.getEnv().addReporter(
  countingReporter((totals) => {
    const resultsOut = process.env['RXUC_RESULTS_OUT'];
    if (resultsOut) writeFileSync(resultsOut, JSON.stringify(totals));
    console.log(`\n${closingLine(process.env['RXUC_SHARD_NAME'] ?? 'node', totals)}`);
    if (totals.passed + totals.failed === 0) {
      console.error('No spec was executed: failing the run.');
      process.exitCode = 1;
    }
  }),
);
