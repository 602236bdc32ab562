import { catchError, concatMap, defer, EMPTY, from, last, map, mergeMap, type Observable, of, tap, toArray } from 'rxjs';
import { InvalidRequestError } from '../../errors.js';
import { deleteFiles, storeFiles, type BatchResult, type BatchSuccess } from '../../resources/batch.js';
import type { File } from '../../resources/file.js';
import type { FileInfo } from '../../resources/file-info.js';
import { pollUntil } from '../../upload/poll.js';
import { CliError } from '../output/cli-error.js';
import { ExitCode } from '../output/exit-codes.js';
import { formatDatetime } from '../output/format.js';
import type { Command, CommandContext } from './command.js';
import { filesFromPaths } from './file-paths.js';
import { waitOptions } from './wait-options.js';

const DEFAULT_TIMEOUT_SECONDS = 5;

interface BatchAction {
  readonly name: 'store' | 'delete';
  readonly past: 'stored' | 'deleted';
  readonly run: typeof storeFiles;
  /** True once the server reports the file in the wanted state. */
  readonly done: (info: FileInfo) => boolean;
  /**
   * When the action cannot say whether it did anything (the REST API answers a DELETE of a deleted file with its info,
   * as for any other), the date the file already was in the wanted state: each file's info is read first, and a file
   * already there is reported as such and not sent.
   */
  readonly alreadySince?: (info: FileInfo) => string | null;
}

const STORE: BatchAction = { name: 'store', past: 'stored', run: storeFiles, done: (info) => info.datetime_stored !== null };
const DELETE: BatchAction = {
  name: 'delete',
  past: 'deleted',
  run: deleteFiles,
  done: (info) => info.datetime_removed !== null,
  alreadySince: (info) => info.datetime_removed,
};

/** Files' info requests at once, when an action reads them first. */
const INFO_CONCURRENCY = 4;

function batchCommand(action: BatchAction): Command {
  return {
    spec: {
      name: action.name,
      summary: `${action.name} files (100 per request)`,
      details:
        `Prints one line per file. Files the server refuses are reported on stderr (in the JSON stream with --json),\n` +
        `and the command then exits non-zero. With --wait, it also waits until every file is reported ${action.past}.`,
      options: waitOptions(DEFAULT_TIMEOUT_SECONDS, `every file is ${action.past}`),
      positionals: [{ name: 'PATH', arity: 'many', description: 'file UUIDs or CDN URLs' }],
      examples: [`${action.name} --wait 6c5e9526-b0fe-4739-8975-72e8d5ee6342 a771f854-c2cb-408a-8c36-71af77811f3b`],
    },
    run: (context) => defer(() => runBatch(action, context)),
  };
}

function runBatch(action: BatchAction, context: CommandContext): Observable<unknown> {
  const { out, options } = context;
  const files = filesFromPaths(context.positionals, context);
  const timeout = options.number('timeout') ?? DEFAULT_TIMEOUT_SECONDS;
  const wait = options.flag('wait') ?? true;
  const client = context.client({ secret: true });
  let already = 0;
  return filesToSend(action, files, (info, since) => {
    already++;
    out.result(`${action.past.padEnd(8)} ${info.uuid}  (already ${action.past} at ${formatDatetime(since)})`, {
      uuid: info.uuid,
      ok: true,
      already: true,
      info,
    });
  }).pipe(
    concatMap((toSend) => (toSend.length === 0 ? EMPTY : action.run(toSend, client))),
    concatMap((result) => (result.ok && wait && !action.done(result.info) ? waitFor(action, result, timeout) : [result])),
    tap((result) => {
      if (result.ok) {
        out.result(`${action.past.padEnd(8)} ${result.uuid}`, { uuid: result.uuid, ok: true, info: result.info });
      } else if (out.mode === 'json') {
        out.result('', { uuid: result.uuid, ok: false, problem: result.problem });
      } else {
        out.note(`not ${action.past}: ${result.uuid}: ${result.problem}`);
      }
    }),
    toArray(),
    concatMap((results) => {
      const failures = results.filter((result) => !result.ok);
      if (failures.length === 0) return EMPTY;
      const missing = failures.every((f) => /missing|not found/i.test(f.problem) || (f.error instanceof InvalidRequestError && f.error.status === 404));
      throw new CliError(
        `${failures.length} of ${results.length + already} files not ${action.past}`,
        missing ? ExitCode.notFound : ExitCode.other,
      );
    }),
  );
}

/**
 * The files the action must be sent for: all of them, or, for an action with {@link BatchAction.alreadySince}, those
 * whose info does not show them in the wanted state already (`reportAlready` is called for the others). A file whose
 * info cannot be read is sent: the batch answer says what is wrong with it.
 */
function filesToSend(action: BatchAction, files: readonly File[], reportAlready: (info: FileInfo, since: string) => void): Observable<File[]> {
  const alreadySince = action.alreadySince;
  if (!alreadySince) return of([...files]);
  return from(files).pipe(
    mergeMap(
      (file) =>
        file.info().pipe(
          map((info) => ({ file, since: alreadySince(info), info })),
          catchError(() => of({ file, since: null, info: null })),
        ),
      INFO_CONCURRENCY,
    ),
    toArray(),
    map((checked) => {
      const toSend = new Set<File>(files);
      // In the order given, whatever order the answers came in.
      for (const { file, since, info } of [...checked].sort((a, b) => files.indexOf(a.file) - files.indexOf(b.file))) {
        if (since === null || info === null) continue;
        toSend.delete(file);
        reportAlready(info, since);
      }
      return [...toSend];
    }),
  );
}

/** Polls one file until the server reports it in the wanted state; a TimeoutError after `timeout` seconds. */
function waitFor(action: BatchAction, result: BatchSuccess, timeout: number): Observable<BatchResult> {
  return pollUntil(() => result.file.updateInfo(), action.done, { timeout }, `${action.name} of ${result.uuid}`).pipe(
    last(),
    map((info): BatchResult => ({ ...result, info })),
  );
}

/** `ucare store PATH...`. */
export const storeCommand = batchCommand(STORE);
/** `ucare delete PATH...`. */
export const deleteCommand = batchCommand(DELETE);
