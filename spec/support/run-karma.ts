import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
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
  const specs = [...isomorphicSpecs(join(root, 'spec')), ...isomorphicSpecs(join(root, 'emulator/spec'))];
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
  // Karma's page uses the emulator's control API and demo signer, which answer the origins the emulator trusts: its
  // port is chosen here so that the emulator knows that origin before the browser starts.
  const port = await freePort();
  const servers = await startTestServers([`http://127.0.0.1:${port}`]);
  const karma = createRequire(__filename)('karma') as KarmaModule;
  const config = await karma.config.parseConfig(join(root, 'karma.conf.js'), { files: [bundle], port }, { promiseConfig: true, throwErrors: true });
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

/** A port free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
