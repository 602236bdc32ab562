import { defer, map } from 'rxjs';
import type { File } from '../../resources/file.js';
import { fileDetails } from '../output/format-file.js';
import type { Command } from './command.js';
import { filesFromPaths } from './file-paths.js';

/** `ucare get PATH [--effects EFFECTS]`: one file's info, its CDN URL with the effects given (or those of PATH). */
export const getCommand: Command = {
  spec: {
    name: 'get',
    summary: 'show a file\'s info',
    options: [{ key: 'effects', kind: 'string', valueName: 'EFFECTS', description: 'CDN effects of the URL shown, e.g. preview/400x400/-/format/auto/' }],
    positionals: [{ name: 'PATH', arity: 'one', description: 'a file UUID or CDN URL' }],
    examples: [
      'get 6c5e9526-b0fe-4739-8975-72e8d5ee6342',
      '--json get https://ucarecdn.com/6c5e9526-b0fe-4739-8975-72e8d5ee6342/',
      'get 6c5e9526-b0fe-4739-8975-72e8d5ee6342 --effects scale_crop/200x200/smart/-/format/auto/',
    ],
  },
  run: (context) =>
    defer(() => {
      const [file] = filesFromPaths(context.positionals, context) as [File];
      const effects = context.options.string('effects');
      // Checked before the request: bad effects are a usage error, not a failed lookup.
      const url = effects === undefined ? file.cdnUrl : file.cdnUrlWith(effects);
      return file.info().pipe(map((info) => context.out.result(fileDetails(info, url), info)));
    }),
};
