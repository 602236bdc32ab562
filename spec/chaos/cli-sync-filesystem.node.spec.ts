import fc from 'fast-check';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, toArray } from 'rxjs';
import { downloadTo } from '../../lib/cli/sync/download.js';
import { Uploadcare } from '../../lib/client.js';
import { chaosScale } from './support/scale.js';

// Issue 13 items 2 and 13, as classes: whatever a target folder already holds (directories, files, symbolic links to
// outside it) and wherever below it a download goes, the download either lands there as a regular file reached
// through real directories only, or fails as an error of its Observable; nothing is written outside, and no temporary
// file stays.

const BYTES = 'downloaded bytes\n';
const SEGMENT = fc.constantFrom('a', 'b', 'c');
const RELATIVE_PATH = fc.array(SEGMENT, { minLength: 1, maxLength: 3 }).map((segments) => segments.join('/'));
const ENTRY_KINDS = ['directory', 'file', 'link to a directory outside', 'link to a file outside'] as const;
const LAYOUT = fc.array(fc.tuple(RELATIVE_PATH, fc.constantFrom(...ENTRY_KINDS)), { maxLength: 4 });

/** Every entry under `dir`, recursively, without following links. */
function entriesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/** Makes the directories of `path` below `root`, unless one of them is taken by a file or a link: then false. */
function parentsOf(root: string, path: string): boolean {
  const components = path.split('/').slice(0, -1);
  return components.every((_, i) => {
    const directory = join(root, ...components.slice(0, i + 1));
    const stats = lstatSync(directory, { throwIfNoEntry: false });
    if (!stats) mkdirSync(directory);
    return !stats || stats.isDirectory();
  });
}

/** Plants `layout` in `target` (never through a link it planted); an entry whose place is taken is left out. */
function plant(target: string, outside: string, layout: readonly (readonly [string, (typeof ENTRY_KINDS)[number]])[]): void {
  for (const [path, kind] of layout) {
    const full = join(target, path);
    if (!parentsOf(target, path) || lstatSync(full, { throwIfNoEntry: false })) continue;
    if (kind === 'directory') mkdirSync(full);
    else if (kind === 'file') writeFileSync(full, 'planted\n');
    else symlinkSync(kind === 'link to a file outside' ? join(outside, 'victim.txt') : join(outside, 'dir'), full);
  }
}

/** True when every component of `path` below `root` is a real directory or, last, a regular file. */
function reachedThroughRealDirectories(root: string, path: string): boolean {
  const components = path.split('/');
  return components.every((_, i) => {
    const stats = lstatSync(join(root, ...components.slice(0, i + 1)));
    return i === components.length - 1 ? stats.isFile() : stats.isDirectory();
  });
}

describe('sync downloads on a hostile target folder', () => {
  let server: Server;
  let url: string;
  const client = new Uploadcare({ publicKey: 'demopublickey' });

  beforeAll(async () => {
    server = createServer((_req, res) => res.end(BYTES));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/file`;
  });

  afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('land inside through real directories or fail, never write outside, never leave a temporary file', async () => {
    await fc.assert(
      fc.asyncProperty(LAYOUT, RELATIVE_PATH, async (layout, path) => {
        const sandbox = mkdtempSync(join(tmpdir(), 'ucare-chaos-sync-'));
        const target = join(sandbox, 'target');
        const outside = join(sandbox, 'outside');
        mkdirSync(join(outside, 'dir'), { recursive: true });
        writeFileSync(join(outside, 'victim.txt'), 'untouched\n');
        mkdirSync(target);
        plant(target, outside, layout);

        const outcome = await firstValueFrom(downloadTo(client, url, target, join(target, path)).pipe(toArray())).then(
          () => 'saved' as const,
          (error: unknown) => (error instanceof Error ? ('failed' as const) : ('not an Error' as const)),
        );

        expect(outcome).not.toBe('not an Error');
        expect(entriesUnder(outside)).withContext('outside').toEqual(['dir', 'victim.txt']);
        expect(readFileSync(join(outside, 'victim.txt'), 'utf8')).toBe('untouched\n');
        expect(entriesUnder(target).filter((entry) => entry.endsWith('.part'))).withContext('temporary files').toEqual([]);
        if (outcome === 'saved') {
          expect(reachedThroughRealDirectories(target, path)).withContext(`${path} through real directories`).toBeTrue();
          expect(readFileSync(join(target, path), 'utf8')).toBe(BYTES);
        }
      }),
      { numRuns: chaosScale().propertyRuns, seed: 1302 },
    );
  });
});
