import { concatMap, defer, filter, last, map, type Observable, of, type OperatorFunction, tap } from 'rxjs';
import type { UploadCompleteEvent } from '../../upload/events.js';
import type { ProgressBar } from '../output/progress-bar.js';
import type { File } from '../../resources/file.js';
import type { OptionSpec } from '../args/spec.js';
import type { StoreOption } from '../../upload/options.js';
import type { OptionValues } from '../args/option-values.js';
import { fileDetails } from '../output/format-file.js';
import type { CommandContext } from './command.js';

/** The seed's upload options: `--store` / `--nostore`, `--info`, `--cdnurl`; and `--tags`. */
export const UPLOAD_OPTIONS: readonly OptionSpec[] = [
  { key: 'store', kind: 'flag', description: 'store the file (--nostore: keep it temporary; default: the project setting)' },
  { key: 'info', kind: 'flag', description: 'print the uploaded file\'s info (needs the secret key)' },
  { key: 'cdnurl', kind: 'flag', description: 'store the file and print its CDN URL' },
  { key: 'tags', kind: 'list', valueName: 'TAG', description: 'tag the file (--tags=cat,animal: a list option takes the words after it)' },
];

/** The upload options every upload command takes from the command line: `store` and `tags`. */
export function uploadOptions(options: OptionValues): { readonly store: StoreOption; readonly tags?: readonly string[] } {
  const tags = options.list('tags');
  return { store: storeOption(options), ...(tags && { tags }) };
}

/** The `store` of an upload: `--store`/`--cdnurl` store, `--nostore` does not, else the project decides. */
function storeOption(options: OptionValues): StoreOption {
  if (options.flag('cdnurl')) return true;
  return options.flag('store') ?? 'auto';
}

/** True when the command needs the secret key: `--info` reads the file over REST. */
export function needsSecret(options: OptionValues): boolean {
  return options.flag('info') === true;
}

/**
 * Prints an uploaded file: its UUID (and where it came from), with `--cdnurl` its CDN URL, with `--info` its info.
 * With `--json`, one document: `{ source, uuid, cdn_url, info? }`.
 */
export function reportUploaded(file: File, source: string, context: Pick<CommandContext, 'options' | 'out'>): Observable<void> {
  const { options, out } = context;
  const info$ = options.flag('info') ? file.info() : of(null);
  return defer(() => info$).pipe(
    map((info) => {
      const lines = [`${file.uuid}  ${source}`];
      if (options.flag('cdnurl')) lines.push(`CDN url: ${file.cdnUrl}`);
      if (info) lines.push(fileDetails(info, file.cdnUrl));
      out.result(lines.join('\n'), { source, uuid: file.uuid, cdn_url: file.cdnUrl, ...(info && { info }) });
    }),
  );
}

/** A tick of an upload: bytes done so far, of `total` (null when unknown). */
export interface ProgressTick {
  readonly type: 'progress';
  readonly done: number;
  readonly total: number | null;
}

/**
 * Shows an upload's ticks on `bar`, then reports the uploaded file (see {@link reportUploaded}). The bar is finished
 * however the upload ends; `label` may change its text on each tick.
 */
export function showUpload<T extends ProgressTick>(
  bar: ProgressBar,
  source: string,
  context: Pick<CommandContext, 'options' | 'out'>,
  label?: (tick: T) => string,
): OperatorFunction<T | UploadCompleteEvent<File>, void> {
  return (events) =>
    events.pipe(
      tap({
        next: (event) => {
          if (event.type === 'progress') bar.update(event.done, event.total, label?.(event));
        },
        finalize: () => bar.finish(),
      }),
      filter((event): event is UploadCompleteEvent<File> => event.type === 'complete'),
      last(),
      tap(() => bar.finish()),
      concatMap((event) => reportUploaded(event.file, source, context)),
    );
}
