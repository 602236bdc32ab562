import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Where `npm start` writes the demo page's script, relative to the package root. */
export const DEMO_BUNDLE_PATH = 'dist/demo/app.js';
/** The page's entry point in the sources, relative to the package root. */
const SOURCE_ENTRY = 'lib/demo/page/main.ts';
/** The same entry in the ES module build, for when the sources are not there. */
const BUILT_ENTRY = 'dist/esm/demo/page/main.js';

/** The demo script could not be found nor built; the message says what to run. */
export class DemoBundleMissingError extends Error {
  override readonly name = 'DemoBundleMissingError';
  constructor(readonly reason: string) {
    super(`The demo page's script is not built (${reason}). Run \`npm start\`, or \`node dist/cjs/demo/build-main.js\` after \`npm run build\`.`);
  }
}

/** The package's root directory: the nearest parent holding rxuploadcare-emulator's package.json. */
export function packageRoot(): string {
  // __dirname exists in the CommonJS build and under tsx; the ES module build starts from the script run, the working
  // directory, or the package installed there.
  const starts = [
    typeof __dirname === 'string' ? __dirname : undefined,
    process.argv[1] && dirname(process.argv[1]),
    process.cwd(),
    join(process.cwd(), 'node_modules', 'rxuploadcare-emulator'),
  ];
  for (const start of starts) {
    if (!start) continue;
    for (let dir = start; ; dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'rxuploadcare-emulator') return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return process.cwd();
}

/** True when the emulator runs from the TypeScript sources (tsx, specs), where the page is built on the fly. */
function runningFromSource(): boolean {
  return typeof __filename === 'string' && __filename.endsWith('.ts');
}

/** esbuild's options for the page: one minified browser script, the library's browser entry. */
function demoBuildOptions(root: string): { entryPoints: string[]; bundle: true; minify: true; format: 'iife'; platform: 'browser'; target: string; sourcemap: 'inline' | false; logLevel: 'warning' } {
  const source = join(root, SOURCE_ENTRY);
  return {
    entryPoints: [existsSync(source) ? source : join(root, BUILT_ENTRY)],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    sourcemap: false,
    logLevel: 'warning',
  };
}

/** Builds the page's script in memory with esbuild (a development dependency). */
export async function buildDemoScript(root: string = packageRoot()): Promise<string> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = await import('esbuild');
  } catch {
    throw new DemoBundleMissingError('esbuild is not installed');
  }
  const options = demoBuildOptions(root);
  const [entry] = options.entryPoints;
  if (!entry || !existsSync(entry)) throw new DemoBundleMissingError(`neither the page's source nor its build is in ${root}`);
  const result = await esbuild.build({ ...options, write: false });
  const output = result.outputFiles[0];
  if (!output) throw new DemoBundleMissingError('esbuild produced no output');
  return output.text;
}

/**
 * The page's script, read once per emulator: built on the fly from the sources when the emulator runs from them,
 * else the bundle `npm start` wrote (built on the fly too when it is missing and esbuild is at hand).
 */
export function demoScriptLoader(root: string = packageRoot()): () => Promise<string> {
  let script: Promise<string> | undefined;
  const load = async (): Promise<string> => {
    const built = join(root, DEMO_BUNDLE_PATH);
    if (!runningFromSource() && existsSync(built)) return readFile(built, 'utf8');
    return buildDemoScript(root);
  };
  return () => {
    script ??= load().catch((error: unknown) => {
      script = undefined; // try again on the next request
      throw error;
    });
    return script;
  };
}
