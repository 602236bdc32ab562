import { defer, map, type Observable } from 'rxjs';
import type { File } from '../../resources/file.js';
import type { TagsChange } from '../../resources/file-tags.js';
import { UsageError } from '../args/usage-error.js';
import type { Command, CommandContext } from './command.js';
import { filesFromPaths } from './file-paths.js';

/** `ucare tags PATH [--set TAG... | --clear | --add TAG... --remove TAG...]`: shows or changes a file's tags. */
export const tagsCommand: Command = {
  spec: {
    name: 'tags',
    summary: 'show or change a file\'s tags',
    details:
      'Without options prints the tags, space-separated. --set replaces them all, --clear removes them all, --add and\n' +
      '--remove change some in one request (removal first). Changes print the tags after, then "+added" and "-removed"\n' +
      'lines. Uploadcare lowercases tags; each is 1-100 of A-Z a-z 0-9 - _ . and a file has at most 50.',
    options: [
      { key: 'set', kind: 'list', valueName: 'TAG', description: 'replace every tag with these' },
      { key: 'clear', kind: 'flag', description: 'remove every tag' },
      { key: 'add', kind: 'list', valueName: 'TAG', description: 'add these tags' },
      { key: 'remove', kind: 'list', valueName: 'TAG', description: 'remove these tags' },
    ],
    positionals: [{ name: 'PATH', arity: 'one', description: 'a file UUID or CDN URL' }],
    examples: ['tags 6c5e9526-b0fe-4739-8975-72e8d5ee6342', 'tags 6c5e9526-b0fe-4739-8975-72e8d5ee6342 --add cat animal --remove dog', '--json tags 6c5e9526-b0fe-4739-8975-72e8d5ee6342 --set summer,2026'],
  },
  run: (context) =>
    defer(() => {
      const change = requestedChange(context);
      const [file] = filesFromPaths(context.positionals, context) as [File];
      if (!change) return file.tags().pipe(map((tags) => context.out.result(tags.join(' '), { uuid: file.uuid, tags })));
      return change(file).pipe(map((result) => context.out.result(changeLines(result), { uuid: file.uuid, ...result })));
    }),
};

function requestedChange({ options }: CommandContext): ((file: File) => Observable<TagsChange>) | null {
  const set = options.list('set');
  const clear = options.flag('clear') === true;
  const add = options.list('add');
  const remove = options.list('remove');
  const editing = add !== undefined || remove !== undefined;
  if ([set !== undefined, clear, editing].filter(Boolean).length > 1) throw new UsageError('use one of --set, --clear, or --add/--remove', 'tags');
  if (set !== undefined || clear) return (file) => file.setTags(set ?? []);
  if (editing) return (file) => file.updateTags({ ...(add && { add }), ...(remove && { remove }) });
  return null;
}

function changeLines({ tags, added, deleted }: TagsChange): string {
  return [tags.join(' '), ...added.map((tag) => `+${tag}`), ...deleted.map((tag) => `-${tag}`)].join('\n');
}
