import { concatMap, defer, ignoreElements, type Observable } from 'rxjs';
import type { FileFromUrl, FromUrlProgressEvent } from '../../upload/file-from-url.js';
import { uploadFromUrl } from '../../upload/from-url.js';
import type { Command, CommandContext } from './command.js';
import { needsSecret, showUpload, UPLOAD_OPTIONS, uploadOptions } from './uploaded-file.js';
import { waitOptions } from './wait-options.js';

const DEFAULT_TIMEOUT_SECONDS = 30;

/** `ucare upload_from_url URL`: the service fetches the URL; a progress bar follows its done/total ticks. */
export const uploadFromUrlCommand: Command = {
  spec: {
    name: 'upload_from_url',
    summary: 'have Uploadcare fetch a file from a URL, with a progress bar',
    details:
      'Waits until the file is uploaded and ready, then prints "<uuid>  <url>". With --nowait (and neither --info\n' +
      'nor --cdnurl) it prints the upload\'s token at once instead.',
    options: [...waitOptions(DEFAULT_TIMEOUT_SECONDS, 'the file is uploaded and ready'), ...UPLOAD_OPTIONS],
    positionals: [{ name: 'URL', arity: 'one', description: 'an http(s) URL the service can fetch' }],
    examples: ['upload_from_url --store --cdnurl https://example.com/photo.jpg'],
  },
  run: (context) => defer(() => startUpload(context)),
};

function startUpload(context: CommandContext): Observable<never> {
  const { options, out } = context;
  const url = context.positionals[0] as string;
  const wait = (options.flag('wait') ?? true) || options.flag('info') === true || options.flag('cdnurl') === true;
  const client = context.client({ secret: needsSecret(options) });
  return uploadFromUrl(url, uploadOptions(options), client).pipe(
    concatMap((upload) => {
      if (!wait) {
        out.result(upload.token ?? 'done', { source: url, token: upload.token });
        return [];
      }
      return follow(upload, url, context);
    }),
    ignoreElements(),
  );
}

function follow(upload: FileFromUrl, url: string, context: CommandContext): Observable<void> {
  const bar = context.out.progress(url);
  const timeout = context.options.number('timeout') ?? DEFAULT_TIMEOUT_SECONDS;
  return upload.wait({ timeout, untilReady: true }).pipe(showUpload(bar, url, context, (tick: FromUrlProgressEvent) => `${url} (${tick.status})`));
}
