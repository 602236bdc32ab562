import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { concatMap, defer, from, ignoreElements, type Observable } from 'rxjs';
import { fromPath } from '../../upload/node/from-path.js';
import { uploadFile } from '../../upload/upload-file.js';
import { CliError } from '../output/cli-error.js';
import { ExitCode } from '../output/exit-codes.js';
import type { Command, CommandContext } from './command.js';
import { needsSecret, showUpload, UPLOAD_OPTIONS, uploadOptions } from './uploaded-file.js';

/** `ucare upload FILE...`: uploads files one after the other, a progress bar each; multipart for large ones. */
export const uploadCommand: Command = {
  spec: {
    name: 'upload',
    summary: 'upload local files (multipart above 10 MiB), with a progress bar each',
    details: 'Prints "<uuid>  <file>" per uploaded file. Every file is checked before the first upload starts.',
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
  return from(paths).pipe(
    concatMap((path, i) => {
      const given = context.positionals[i] as string;
      const bar = context.out.progress(given);
      return uploadFile(fromPath(path), options, client).pipe(showUpload(bar, given, context));
    }),
    ignoreElements(),
  );
}
