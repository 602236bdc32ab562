import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const MODULE = pathToFileURL(resolve(__dirname, '../scripts/build-freshness.mjs')).href;
/** The library's build and the emulator package's, with its demo page. */
const OUTPUTS = [
  ...['', 'emulator/'].flatMap((pkg) => ['dist/esm/index.js', 'dist/esm/index.d.ts', 'dist/cjs/index.js', 'dist/cjs/index.d.ts'].map((path) => pkg + path)),
  'emulator/dist/demo/app.js',
];

/** Calls one of the module's functions in a child Node (it is an ES module script, as npm runs it). */
function call(name: 'isFresh' | 'writeStamp', ...args: unknown[]): unknown {
  const code = `import(${JSON.stringify(MODULE)}).then((m) => console.log(JSON.stringify(m.${name}(...${JSON.stringify(args)}) ?? null)))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', code], { encoding: 'utf8' })) as unknown;
}

describe('scripts/build-freshness.mjs (npm run build is skipped when dist/ is up to date)', () => {
  let root: string;
  const past = new Date(Date.now() - 3_600_000);
  const write = (path: string, mtime: Date = past): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), `// ${path}\n`);
    utimesSync(join(root, path), mtime, mtime);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rxuploadcare-freshness-'));
    for (const path of ['lib/index.ts', 'lib/upload/source.ts', 'emulator/lib/index.ts', 'package.json', 'emulator/package.json', 'tsconfig.json', ...OUTPUTS]) write(path);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** A build that started a minute ago, after the sources were written. */
  const built = (): unknown => call('writeStamp', root, Date.now() - 60_000);

  it('is stale before any build, fresh after one', () => {
    expect(call('isFresh', root)).toBeFalse();
    built();
    expect(call('isFresh', root)).toBeTrue();
  });

  it('is stale when a source was modified after the build started', () => {
    built();
    write('lib/upload/source.ts', new Date());
    expect(call('isFresh', root)).toBeFalse();
  });

  it("is stale when a source of the emulator package was modified (it builds with the library)", () => {
    built();
    write('emulator/lib/index.ts', new Date());
    expect(call('isFresh', root)).toBeFalse();
  });

  it('is stale when a source was added or removed, whatever its date', () => {
    built();
    write('lib/upload/new-source.ts');
    expect(call('isFresh', root)).toBeFalse();
    built();
    unlinkSync(join(root, 'lib/upload/source.ts'));
    expect(call('isFresh', root)).toBeFalse();
  });

  it('is stale when an output is missing (dist/ emptied, a build stopped half-way)', () => {
    built();
    unlinkSync(join(root, 'emulator/dist/demo/app.js'));
    expect(call('isFresh', root)).toBeFalse();
  });

  it('is stale when the installed toolchain changed (npm ci after the build)', () => {
    write('node_modules/.package-lock.json');
    built();
    write('node_modules/.package-lock.json', new Date());
    expect(call('isFresh', root)).toBeFalse();
  });
});
