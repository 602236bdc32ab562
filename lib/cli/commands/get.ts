import { defer, map } from 'rxjs';
import type { File } from '../../resources/file.js';
import { fileDetails } from '../output/format-file.js';
import type { Command } from './command.js';
import { filesFromPaths } from './file-paths.js';

/** `ucare get PATH`: one file's info. */
export const getCommand: Command = {
  spec: {
    name: 'get',
    summary: 'show a file\'s info',
    options: [],
    positionals: [{ name: 'PATH', arity: 'one', description: 'a file UUID or CDN URL' }],
    examples: ['get 6c5e9526-b0fe-4739-8975-72e8d5ee6342', '--json get https://ucarecdn.com/6c5e9526-b0fe-4739-8975-72e8d5ee6342/'],
  },
  run: (context) =>
    defer(() => {
      const [file] = filesFromPaths(context.positionals, context) as [File];
      return file.info().pipe(map((info) => context.out.result(fileDetails(info, file.cdnUrl), info)));
    }),
};
