import { concatMap, defer, EMPTY, filter, finalize, last, tap } from 'rxjs';
import { executeAddon } from '../../addons/execute-addon.js';
import { ADDON_NAMES, type AddonCompleteEvent, type AddonName, type AddonParams } from '../../addons/addon-types.js';
import { UsageError } from '../args/usage-error.js';
import type { OptionValues } from '../args/option-values.js';
import type { Command } from './command.js';
import { filesFromPaths } from './file-paths.js';

/** `ucare addon NAME PATH`: runs an add-on on a file, with a progress bar, and prints its result. */
export const addonCommand: Command = {
  spec: {
    name: 'addon',
    summary: 'run an add-on on a file (virus scan, labels, moderation, background removal)',
    details:
      `NAME is one of ${ADDON_NAMES.join(', ')}. Prints "<name>  <uuid>" and the result's data as JSON (for\n` +
      'remove_bg also "file <new uuid>"); --json prints { addon, uuid, result, file_id }.',
    options: [
      { key: 'params', kind: 'string', valueName: 'JSON', description: 'the add-on\'s parameters as a JSON object, e.g. \'{"crop": true}\'' },
      { key: 'purge_infected', kind: 'flag', description: 'uc_clamav_virus_scan: delete the file when infected' },
      { key: 'timeout', kind: 'seconds', description: 'seconds to wait (default 600)' },
      { key: 'interval', kind: 'seconds', description: 'seconds between status requests (default 1)' },
    ],
    positionals: [
      { name: 'NAME', arity: 'one', description: 'the add-on' },
      { name: 'PATH', arity: 'one', description: 'a file UUID or CDN URL' },
    ],
    examples: ['addon uc_clamav_virus_scan --purge_infected 6c5e9526-b0fe-4739-8975-72e8d5ee6342', '--json addon remove_bg --params \'{"crop": true}\' 6c5e9526-b0fe-4739-8975-72e8d5ee6342'],
  },
  run: (context) =>
    defer(() => {
      const [name, path] = context.positionals as [AddonName, string];
      if (!(ADDON_NAMES as readonly string[]).includes(name)) throw new UsageError(`unknown add-on ${name}: one of ${ADDON_NAMES.join(', ')}`, 'addon');
      const params = addonParams(context.options);
      const [file] = filesFromPaths([path], context);
      const timeout = context.options.number('timeout');
      const interval = context.options.number('interval');
      const { out } = context;
      const bar = out.progress(`${name} ${file!.uuid}`);
      return executeAddon(name, file!, params as AddonParams[AddonName], { ...(timeout !== undefined && { timeout }), ...(interval !== undefined && { interval }) }, file!.client).pipe(
        tap((event) => {
          if (event.type === 'progress') bar.update(0, null, `${name} ${file!.uuid} (${event.status})`);
        }),
        finalize(() => bar.finish()),
        filter((event): event is AddonCompleteEvent<AddonName> => event.type === 'complete'),
        last(),
        tap(() => bar.finish()),
        concatMap(({ result, fileId }) => {
          const lines = [`${name}  ${file!.uuid}`, JSON.stringify(result.data), ...(fileId ? [`file ${fileId}`] : [])];
          out.result(lines.join('\n'), { addon: name, uuid: file!.uuid, result, ...(fileId && { file_id: fileId }) });
          return EMPTY;
        }),
      );
    }),
};

function addonParams(options: OptionValues): Record<string, unknown> | undefined {
  const text = options.string('params');
  let params: unknown;
  if (text !== undefined) {
    try {
      params = JSON.parse(text);
    } catch {
      throw new UsageError('--params must be a JSON object', 'addon');
    }
    if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new UsageError('--params must be a JSON object', 'addon');
  }
  const purge = options.flag('purge_infected');
  if (purge === undefined) return params as Record<string, unknown> | undefined;
  return { ...(params as Record<string, unknown> | undefined), purge_infected: purge };
}
