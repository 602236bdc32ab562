import { concatMap, defer, map } from 'rxjs';
import { FileList } from '../../resources/file-list.js';
import { GroupList } from '../../resources/group-list.js';
import { fileLine, groupLine } from '../output/format-file.js';
import type { Command } from './command.js';
import { FILE_FILTER_OPTIONS, fileFilters, LIST_LIMIT_HELP, listOptions, listWindowOptions } from './list-options.js';

/** `ucare list` (or `list_files`): the project's files, one line each, printed as the pages arrive. */
export const listFilesCommand: Command = {
  spec: {
    name: 'list',
    aliases: ['list_files'],
    summary: 'list files, streamed: lines appear as the pages arrive',
    details: 'Columns: UUID, size, upload date, state (stored, temporary, removed), original filename.',
    options: [...listWindowOptions(LIST_LIMIT_HELP), ...FILE_FILTER_OPTIONS],
    positionals: [],
    examples: ['list --stored true --since 2024-01-01 --limit 20', '--json list_files --limit 0 > files.jsonl'],
  },
  run: ({ options, client, out }) =>
    defer(() => {
      const list = new FileList({ ...listOptions(options), ...fileFilters(options) }, client({ secret: true }));
      return list.pipe(
        concatMap((file) => file.info()),
        map((info) => out.result(fileLine(info), info)),
      );
    }),
};

/** `ucare list_groups`: the project's groups, one line each. */
export const listGroupsCommand: Command = {
  spec: {
    name: 'list_groups',
    summary: 'list file groups, streamed',
    details: 'Columns: group id, number of files, creation date, CDN URL.',
    options: listWindowOptions(LIST_LIMIT_HELP),
    positionals: [],
    examples: ['list_groups --until 2024-06-30 --limit 10'],
  },
  run: ({ options, client, out }) =>
    defer(() => {
      const list = new GroupList(listOptions(options), client({ secret: true }));
      // The list entry is cached: its creation date costs no request (group.info() would fetch the files).
      return list.pipe(
        concatMap((group) =>
          group.datetimeCreated().pipe(
            map((created) => {
              const entry = { id: group.id, files_count: group.length, datetime_created: created?.toISOString() ?? null, cdn_url: group.cdnUrl };
              out.result(groupLine(entry), entry);
            }),
          ),
        ),
      );
    }),
};
