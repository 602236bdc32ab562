import { concatMap, defer, EMPTY, last, map, type Observable, tap, toArray } from 'rxjs';
import { InvalidRequestError } from '../../errors.js';
import { deleteFiles, storeFiles, type BatchResult, type BatchSuccess } from '../../resources/batch.js';
import type { FileInfo } from '../../resources/file-info.js';
import { pollUntil } from '../../upload/poll.js';
import { CliError } from '../output/cli-error.js';
import { ExitCode } from '../output/exit-codes.js';
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
}

const STORE: BatchAction = { name: 'store', past: 'stored', run: storeFiles, done: (info) => info.datetime_stored !== null };
const DELETE: BatchAction = { name: 'delete', past: 'deleted', run: deleteFiles, done: (info) => info.datetime_removed !== null };

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
  return action.run(files, client).pipe(
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
        `${failures.length} of ${results.length} files not ${action.past}`,
        missing ? ExitCode.notFound : ExitCode.other,
      );
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
