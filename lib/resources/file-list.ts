import type { UploadcareClient } from '../core/client.js';
import { File } from './file.js';
import type { FileInfo } from './file-info.js';
import { fileListSpec, type FileListOptions } from './file-list-spec.js';
import { ResourceList } from './resource-list.js';

export type { FileListOptions } from './file-list-spec.js';

/**
 * The project's files (`GET files/`) as an Observable of {@link File}, each with its info cached. Lazy and cold:
 * each subscription lists anew, following `next` links only as far as needed; `for await` pulls page by page.
 *
 * ```ts
 * new FileList({ stored: true, limit: 10 }).subscribe((file) => console.log(file.uuid));
 * new FileList({ stored: true }).count().subscribe((n) => console.log('Number of stored files is', n));
 * ```
 * @throws InvalidParamError (from the constructor) for bad options, e.g. both `since` and `until`.
 */
export class FileList extends ResourceList<File, FileInfo> {
  constructor(options?: FileListOptions, client?: UploadcareClient) {
    super(fileListSpec(options, client, (info, listClient) => File.constructFrom(info, listClient)));
  }
}

