import { defer, map, type Observable, of } from 'rxjs';
import type { File } from '../../resources/file.js';
import type { OptionSpec } from '../args/spec.js';
import type { StoreOption } from '../../upload/options.js';
import type { OptionValues } from '../args/option-values.js';
import { fileDetails } from '../output/format-file.js';
import type { CommandContext } from './command.js';

/** The seed's upload options: `--store` / `--nostore`, `--info`, `--cdnurl`. */
export const UPLOAD_OPTIONS: readonly OptionSpec[] = [
  { key: 'store', kind: 'flag', description: 'store the file (--nostore: keep it temporary; default: the project setting)' },
  { key: 'info', kind: 'flag', description: 'print the uploaded file\'s info (needs the secret key)' },
  { key: 'cdnurl', kind: 'flag', description: 'store the file and print its CDN URL' },
];

/** The `store` of an upload: `--store`/`--cdnurl` store, `--nostore` does not, else the project decides. */
export function storeOption(options: OptionValues): StoreOption {
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
