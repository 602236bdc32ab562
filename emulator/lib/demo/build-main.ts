#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildDemoScript, DEMO_BUNDLE_PATH, packageRoot } from './bundle.js';

/** `npm start`'s build step for the demo page: bundles the page's script into dist/demo/app.js. */
async function main(): Promise<void> {
  const root = packageRoot();
  const target = join(root, DEMO_BUNDLE_PATH);
  const script = await buildDemoScript(root);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, script);
  process.stdout.write(`Demo page script: ${DEMO_BUNDLE_PATH} (${Math.round(script.length / 1024)} KiB)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
