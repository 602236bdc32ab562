import { lstat } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import {
  catchError,
  concatMap,
  count,
  defer,
  EMPTY,
  finalize,
  from,
  ignoreElements,
  map,
  mergeMap,
  type Observable,
  of,
  reduce,
  tap,
} from 'rxjs';
import type { Uploadcare } from '../../client.js';
import type { File } from '../../resources/file.js';
import type { FileInfo } from '../../resources/file-info.js';
import { FileList } from '../../resources/file-list.js';
import { normalizeEffects } from '../../resources/effects.js';
import { CliError } from '../output/cli-error.js';
import { errorMessage, ExitCode, exitCodeFor } from '../output/exit-codes.js';
import { downloadTo } from '../sync/download.js';
import { expandPattern, parsePattern, PLACEHOLDERS, type SyncPattern } from '../sync/pattern.js';
import { SyncProgress } from '../sync/sync-progress.js';
import type { Command, CommandContext } from './command.js';
import { filesFromPaths } from './file-paths.js';
import { FILE_FILTER_OPTIONS, fileFilters, listOptions, listWindowOptions } from './list-options.js';

const DEFAULT_CONCURRENCY = 4;

/** `ucare sync [PATTERN]`: downloads files from the CDN to local paths made from a pattern, never outside it. */
export const syncCommand: Command = {
  spec: {
    name: 'sync',
    summary: 'download files from the CDN to local paths built from a pattern',
    details:
      `PATTERN is a directory (files are saved as \${uuid}\${ext} in it), or a path with placeholders:\n` +
      `${PLACEHOLDERS.join(' ')}. Files land under the pattern's fixed leading directory and nowhere else:\n` +
      `a server filename that could leave it or drive a terminal (../, absolute, NUL, C0 or C1 control characters,\n` +
      `bidirectional overrides, reserved device names such as CON, an empty name) is skipped with a message.\n` +
      `Directories below the fixed one are never followed through a symbolic link. Existing files are kept unless\n` +
      `--replace. Effects apply to images only. Downloads run concurrently, with one progress line for all of them.`,
    options: [
      { key: 'uuids', kind: 'list', valueName: 'UUID...', description: 'only these files (UUIDs or CDN URLs) instead of listing' },
      { key: 'replace', kind: 'flag', description: 'overwrite files that already exist' },
      { key: 'effects', kind: 'string', valueName: 'EFFECTS', description: 'CDN effects for images, e.g. resize/800x/-/format/webp/' },
      { key: 'concurrency', kind: 'integer', description: `downloads at once (default ${DEFAULT_CONCURRENCY})` },
      ...listWindowOptions('the most files to sync (default: all)'),
      ...FILE_FILTER_OPTIONS,
    ],
    positionals: [{ name: 'PATTERN', arity: 'optional', description: 'target directory or path pattern (default: .)' }],
    examples: ["sync 'photos/${uuid}/${filename}' --stored true --effects resize/800x/", 'sync backup/ --uuids 6c5e9526-b0fe-4739-8975-72e8d5ee6342'],
  },
  run: (context) => defer(() => runSync(context)),
};

interface SyncItem {
  readonly file: File;
  readonly info: FileInfo;
}

/** What became of one file; 'missing': a `--uuids` file the server does not know (404). */
type Outcome = 'saved' | 'skipped' | 'failed' | 'missing';

function runSync(context: CommandContext): Observable<never> {
  const { options, out } = context;
  const effects = normalizeEffects(options.string('effects') ?? '');
  const pattern = parsePattern(resolvePatternText(context), effects !== '');
  const concurrency = options.number('concurrency') ?? DEFAULT_CONCURRENCY;
  if (concurrency < 1) throw new CliError('--concurrency must be at least 1', ExitCode.usage);
  const client = context.client({ secret: true });
  const bar = out.progress('sync');
  const progress = new SyncProgress(bar);
  const claimed = new Set<string>();

  const run: SyncRun = { pattern, effects, claimed, client, progress, context };

  return items(context, client).pipe(
    tap({ next: () => progress.find(), complete: () => progress.listed() }),
    // Deciding (the info, the path, whether it exists) runs ahead of the downloads, so the totals are final early.
    // The info request is in this concurrent step: with --uuids each file's info is a request of its own.
    mergeMap((file) => infoOrMissing(file, run).pipe(concatMap((info) => (info === 'missing' ? of(info) : decide({ file, info }, run)))), concurrency),
    mergeMap((decision) => (typeof decision === 'string' ? of(decision) : download(decision, run)), concurrency),
    reduce(
      (tally, outcome) => ({
        files: tally.files + 1,
        failed: tally.failed + (outcome === 'failed' || outcome === 'missing' ? 1 : 0),
        missing: tally.missing + (outcome === 'missing' ? 1 : 0),
      }),
      { files: 0, failed: 0, missing: 0 },
    ),
    concatMap(({ files, failed, missing }) => {
      if (failed > 0) throw new CliError(`${failed} of ${files} files failed to download`, failed === missing ? ExitCode.notFound : ExitCode.other);
      return EMPTY;
    }),
    finalize(() => bar.finish()),
    ignoreElements(),
  );
}

function resolvePatternText(context: CommandContext): string {
  const given = context.positionals[0] ?? '.';
  return isAbsolute(given) ? given : `${context.io.cwd.replace(/[/\\]+$/, '')}/${given}`;
}

/** The files to sync: the `--uuids`, or the project's files through the list filters (their info comes with them). */
function items(context: CommandContext, client: Uploadcare): Observable<File> {
  const uuids = context.options.list('uuids');
  if (uuids) return from(filesFromPaths(uuids, context));
  return new FileList({ ...listOptions(context.options, undefined), ...fileFilters(context.options) }, client);
}

interface SyncRun {
  readonly pattern: SyncPattern;
  readonly effects: string;
  /** Paths already taken in this run: two files never write the same path. */
  readonly claimed: Set<string>;
  readonly client: Uploadcare;
  readonly progress: SyncProgress;
  readonly context: CommandContext;
}

/**
 * The file's info, or 'missing' (reported as an error) when the server does not know the file: one bad `--uuids` entry
 * does not stop the others. Any other failure (keys refused, throttling, network) concerns every file and ends the sync.
 */
function infoOrMissing(file: File, run: SyncRun): Observable<FileInfo | 'missing'> {
  return file.info().pipe(
    catchError((error: unknown) => {
      if (exitCodeFor(error) !== ExitCode.notFound) throw error;
      run.progress.skip();
      reportFailure(file.uuid, error, run);
      return of('missing' as const);
    }),
  );
}

/** `ERROR: <uuid>: <message>`, for a file that failed while the others go on. */
function reportFailure(uuid: string, error: unknown, run: SyncRun): void {
  run.context.out.error(`${uuid}: ${errorMessage(error, [run.client.options.secretKey ?? ''])}`);
}

/** A file to download: where, and with which effects. */
interface Planned extends SyncItem {
  readonly path: string;
  /** The path as printed: relative to the working directory. */
  readonly shown: string;
  readonly effects: string;
}

/** Where a file goes, or 'skipped' (with a message) when it cannot or need not be downloaded. */
function decide({ file, info }: SyncItem, run: SyncRun): Observable<Planned | 'skipped'> {
  const { out } = run.context;
  const effects = info.is_image ? run.effects || file.defaultEffects : '';
  const skip = (reason: string): Observable<'skipped'> => {
    run.progress.skip();
    if (out.mode === 'json') out.result('', { uuid: info.uuid, filename: info.original_filename, skipped: reason });
    else out.note(`skipped ${info.uuid} (${JSON.stringify(info.original_filename)}): ${reason}`);
    return of('skipped');
  };
  const target = expandPattern(run.pattern, { uuid: info.uuid, filename: info.original_filename, effects });
  if (!target.ok) return skip(target.reason);
  if (run.claimed.has(target.path)) return skip(`another file of this sync is saved as ${target.path}`);
  run.claimed.add(target.path);

  const shown = relative(run.context.io.cwd, target.path) || target.path;
  // lstat: a symbolic link under the final name exists too (--replace replaces the link, never what it points to).
  return defer(() => from(lstat(target.path).then(() => true, () => false))).pipe(
    concatMap((exists): Observable<Planned | 'skipped'> => {
      if (exists && !run.context.options.flag('replace')) return skip(`${shown} exists (use --replace)`);
      run.progress.plan(effects ? null : info.size);
      return of({ file, info, path: target.path, shown, effects });
    }),
  );
}

/** Downloads a planned file; a failure is reported and gives 'failed', the other files go on. */
function download({ file, info, path, shown, effects }: Planned, run: SyncRun): Observable<Outcome> {
  const { out } = run.context;
  let bytes = 0;
  const url = `${run.client.options.cdnBase}${file.cdnPath(effects)}`;
  return downloadTo(run.client, url, run.pattern.root, path).pipe(
    tap((chunk) => {
      bytes += chunk;
      run.progress.received(chunk);
    }),
    count(),
    map((): Outcome => {
      run.progress.fileDone();
      out.result(`${info.uuid}  ${shown}`, { uuid: info.uuid, path, bytes });
      return 'saved';
    }),
    catchError((error: unknown) => {
      run.progress.fileDone();
      reportFailure(info.uuid, error, run);
      return of<Outcome>('failed');
    }),
  );
}
