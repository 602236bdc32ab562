import type { UploadcareClient } from '../core/client.js';
import { FileGroup } from './file-group.js';
import type { GroupInfo } from './group-info.js';
import { checkListOptions, type ListOptions } from './list-options.js';
import { type ListSpec, ResourceList } from './resource-list.js';

/** Filters of a {@link GroupList}. */
export type GroupListOptions = ListOptions;

/**
 * The project's groups (`GET groups/`) as an Observable of {@link FileGroup}, each with its info cached (list
 * entries have no `files`: `group.files()` asks for them). Lazy and cold, like {@link FileList}.
 *
 * ```ts
 * new GroupList({ since: new Date(Date.now() - 7 * 86_400_000) })
 *   .pipe(mergeMap((group) => group.datetimeCreated()))
 *   .subscribe(console.log);
 * ```
 * @throws InvalidParamError (from the constructor) for bad options, e.g. both `since` and `until`.
 */
export class GroupList extends ResourceList<FileGroup, GroupInfo> {
  constructor(options?: GroupListOptions, client?: UploadcareClient) {
    super(groupListSpec(options, client));
  }
}

function groupListSpec(options: GroupListOptions | undefined, client: UploadcareClient | undefined): ListSpec<FileGroup, GroupInfo> {
  const query = checkListOptions(options);
  const params = {
    limit: String(query.pageSize),
    ordering: query.window?.descending ? '-datetime_created' : 'datetime_created',
    ...(query.window && { from: query.window.from }),
  };
  return {
    client,
    firstPages: [`groups/?${new URLSearchParams(params).toString()}`],
    countPages: query.window ? { unsupported: 'Count objects is not supported with since or until' } : { paths: ['groups/?limit=1'] },
    limit: query.limit,
    construct: (info, listClient) => FileGroup.constructFrom(info, listClient),
  };
}
