import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { catchError, concatMap, defer, EMPTY, from, type Observable, toArray } from 'rxjs';
import { AuthenticationError, InvalidParamError } from '../../errors.js';
import { fromPath } from '../../upload/node/from-path.js';
import { uploadFile } from '../../upload/upload-file.js';
import { CliError } from '../output/cli-error.js';
import { errorMessage, ExitCode, exitCodeFor } from '../output/exit-codes.js';
import type { Command, CommandContext } from './command.js';
import { needsSecret, showUpload, UPLOAD_OPTIONS, uploadOptions } from './uploaded-file.js';

/** `ucare upload FILE...`: uploads files one after the other, a progress bar each; multipart for large ones. */
export const uploadCommand: Command = {
  spec: {
    name: 'upload',
    summary: 'upload local files (multipart above 10 MiB), with a progress bar each',
    details:
      'Prints "<uuid>  <file>" per uploaded file. Every file is checked before the first upload starts. A file that\n' +
      'fails is reported on stderr (in the JSON stream with --json) and the others are still uploaded; the command\n' +
      'then exits non-zero. A failure no other file can escape (bad keys, bad options) stops it at once.',
    options: UPLOAD_OPTIONS,
    positionals: [{ name: 'FILE', arity: 'many', description: 'local files to upload' }],
    examples: ['upload --store --cdnurl photo.jpg video.mp4', 'upload --tags=cat,animal photo.jpg'],
  },
  run: (context) => defer(() => from(checkFiles(context))).pipe(concatMap((paths) => uploadAll(paths, context))),
};

async function checkFiles(context: CommandContext): Promise<string[]> {
  const paths = context.positionals.map((path) => resolve(context.io.cwd, path));
  await Promise.all(
    paths.map(async (path, i) => {
      const given = context.positionals[i] as string;
      const stats = await stat(path).catch(() => undefined);
      if (!stats) throw new CliError(`no such file: ${given}`, ExitCode.notFound);
      if (!stats.isFile()) throw new CliError(`not a regular file: ${given}`, ExitCode.usage);
    }),
  );
  return paths;
}

function uploadAll(paths: readonly string[], context: CommandContext): Observable<never> {
  const client = context.client({ secret: needsSecret(context.options) });
  const options = uploadOptions(context.options);
  const secrets = [client.options.secretKey ?? ''];
  return from(paths).pipe(
    concatMap((path, i) => {
      const given = context.positionals[i] as string;
      const bar = context.out.progress(given);
      return uploadFile(fromPath(path), options, client).pipe(
        showUpload(bar, given, context),
        concatMap(() => EMPTY),
        catchError((error: unknown) => {
          if (stopsEveryUpload(error)) throw error;
          const message = errorMessage(error, secrets);
          if (context.out.mode === 'json') context.out.result('', { source: given, ok: false, problem: message });
          else context.out.error(`not uploaded: ${given}: ${message}`);
          return [error];
        }),
      );
    }),
    toArray(),
    concatMap((failures) => {
      if (failures.length === 0) return EMPTY;
      const codes = new Set(failures.map(exitCodeFor));
      throw new CliError(`${failures.length} of ${paths.length} files not uploaded`, codes.size === 1 ? [...codes][0]! : ExitCode.other);
    }),
  );
}

/** A failure every other file would meet too: the command stops instead of trying them. */
function stopsEveryUpload(error: unknown): boolean {
  return error instanceof AuthenticationError || error instanceof InvalidParamError;
}
