import { defer, map } from 'rxjs';
import { FileGroup } from '../../resources/file-group.js';
import { alignRows } from '../output/format-file.js';
import type { Command } from './command.js';
import { filesFromPaths } from './file-paths.js';

/** `ucare create_group UUID_OR_URL...`: a group of files, in order, effects in CDN URLs kept. */
export const createGroupCommand: Command = {
  spec: {
    name: 'create_group',
    summary: 'create a group of files (CDN URLs keep their effects)',
    options: [],
    positionals: [{ name: 'UUID_OR_URL', arity: 'many', description: 'file UUIDs or CDN URLs, in group order' }],
    examples: [
      'create_group 6c5e9526-b0fe-4739-8975-72e8d5ee6342 https://ucarecdn.com/a771f854-c2cb-408a-8c36-71af77811f3b/-/resize/200x/',
    ],
  },
  run: (context) =>
    defer(() => {
      const files = filesFromPaths(context.positionals, context, { secret: false });
      const client = context.client({ secret: false });
      return FileGroup.create(files, client).pipe(
        map((group) =>
          context.out.result(
            alignRows([
              ['group id', group.id],
              ['cdn url', group.cdnUrl],
              ...group.fileCdnUrls.map((url, i): [string, string] => [`file ${i}`, url]),
            ]),
            { id: group.id, cdn_url: group.cdnUrl, files_count: group.length, file_cdn_urls: group.fileCdnUrls },
          ),
        ),
      );
    }),
};
