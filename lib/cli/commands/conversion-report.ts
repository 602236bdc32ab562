import { concatMap, EMPTY, filter, finalize, last, type Observable, tap } from 'rxjs';
import type { ConversionCompleteEvent, ConversionEvent } from '../../convert/conversion-events.js';
import { CliError } from '../output/cli-error.js';
import { ExitCode } from '../output/exit-codes.js';
import type { CommandContext } from './command.js';

/** Options every conversion command takes: `--store`/`--nostore`, `--timeout`, `--interval`. */
export const CONVERSION_CLI_OPTIONS = [
  { key: 'store', kind: 'flag', description: 'keep the outputs (--nostore: 24 hours; default: the project setting)' },
  { key: 'timeout', kind: 'seconds', description: 'seconds to wait for the jobs (default 600)' },
  { key: 'interval', kind: 'seconds', description: 'seconds between status requests (default 1)' },
] as const;

/** `store`, `timeout` and `interval` as the library takes them, only those given. */
export function conversionCliOptions({ options }: Pick<CommandContext, 'options'>): { readonly store?: boolean; readonly timeout?: number; readonly interval?: number } {
  const store = options.flag('store');
  const timeout = options.number('timeout');
  const interval = options.number('interval');
  return { ...(store !== undefined && { store }), ...(timeout !== undefined && { timeout }), ...(interval !== undefined && { interval }) };
}

/**
 * Shows a conversion's ticks on a progress bar (files ended of all, the last status as label), then prints one line
 * per file: `<output uuid>  <source>` (and `thumbnails <group>` for a video), or the failure on stderr; with `--json`
 * one document per file. Any file without an output ends the command with exit code 1 once all are printed.
 */
export function reportConversion(events: Observable<ConversionEvent>, label: string, { out }: Pick<CommandContext, 'out'>): Observable<never> {
  const bar = out.progress(label);
  return events.pipe(
    tap((event) => {
      if (event.type === 'progress') bar.update(event.done, event.total, `${label} (${event.status})`);
    }),
    finalize(() => bar.finish()),
    filter((event): event is ConversionCompleteEvent => event.type === 'complete'),
    last(),
    tap(() => bar.finish()),
    concatMap(({ results }) => {
      for (const result of results) {
        if (result.ok) {
          const thumbnails = result.thumbnailsGroup ? `  thumbnails ${result.thumbnailsGroup}` : '';
          out.result(`${result.uuid}  ${result.source}${thumbnails}`, { source: result.source, ok: true, uuid: result.uuid, token: result.token, ...(result.thumbnailsGroup && { thumbnails_group: result.thumbnailsGroup }) });
        } else if (out.mode === 'json') {
          out.result('', { source: result.source, ok: false, error: result.error.toJSON() });
        } else {
          out.note(`not converted: ${result.source}: ${result.error.message}`);
        }
      }
      const failed = results.filter((result) => !result.ok).length;
      if (failed > 0) throw new CliError(`${failed} of ${results.length} files not converted`, ExitCode.other);
      return EMPTY;
    }),
  );
}
