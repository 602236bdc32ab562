import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { startTestServers } from './test-servers.js';

// Runs the isomorphic specs in headless Chromium: bundle them, start the servers, run Karma once, fail on zero specs.

interface KarmaResults {
  readonly success: number;
  readonly failed: number;
  readonly error: boolean;
}
interface KarmaServer {
  on(event: 'run_complete', listener: (browsers: unknown, results: KarmaResults) => void): void;
  start(): Promise<void>;
}
interface KarmaModule {
  config: { parseConfig(file: string, overrides: object, options: object): Promise<{ client: Record<string, unknown> }> };
  Server: new (config: object, done: (exitCode: number) => void) => KarmaServer;
}

const root = resolve(__dirname, '../..');

function isomorphicSpecs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return isomorphicSpecs(path);
    return entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.node.spec.ts') ? [path] : [];
  });
}

async function main(): Promise<void> {
  const specs = isomorphicSpecs(join(root, 'spec'));
  // One bundle per run, so that concurrent runs do not overwrite each other's.
  const bundle = join(root, `build/karma/specs-${process.pid}.js`);
  await build({
    stdin: {
      contents: specs.map((file) => `import './${relative(root, file).replace(/\\/g, '/')}';`).join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: 'inline',
    outfile: bundle,
    logLevel: 'warning',
    // package.json says sideEffects: false for the library; spec modules are imported for their side effects.
    ignoreAnnotations: true,
  });

  process.env['CHROME_BIN'] ??= '/usr/bin/chromium';
  const servers = await startTestServers();
  const karma = createRequire(__filename)('karma') as KarmaModule;
  const config = await karma.config.parseConfig(join(root, 'karma.conf.js'), { files: [bundle] }, { promiseConfig: true, throwErrors: true });
  config.client['testEnv'] = servers.env;

  let executed = 0;
  const exitCode = await new Promise<number>((done) => {
    const server = new karma.Server(config, done);
    server.on('run_complete', (_browsers, results) => {
      executed = results.success + results.failed;
      console.log(`\nchromium: ${results.success} passed, ${results.failed} failed`);
    });
    void server.start();
  });
  await servers.close();
  rmSync(bundle, { force: true });
  if (executed === 0) {
    console.error('No spec was executed in Chromium: failing the run.');
    process.exit(1);
  }
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
