import type { Observable } from 'rxjs';
import { UploadcareClient } from './core/client.js';
import { rest } from './core/rest.js';
import { deleteFiles, storeFiles, type BatchInput, type BatchResult } from './resources/batch.js';
import { File } from './resources/file.js';
import { FileGroup, type GroupCreateOptions } from './resources/file-group.js';
import { FileList, type FileListOptions } from './resources/file-list.js';
import { GroupList, type GroupListOptions } from './resources/group-list.js';
import type { UploadEvent } from './upload/events.js';
import type { FileFromUrl, FromUrlWaitOptions } from './upload/file-from-url.js';
import { uploadFromUrl, uploadFromUrlSync } from './upload/from-url.js';
import type { FromUrlOptions } from './upload/from-url-options.js';
import type { UploadOptions } from './upload/options.js';
import type { HttpMethod, RequestOptions } from './transport/types.js';
import type { UploadInput } from './upload/source.js';
import { uploadFile } from './upload/upload-file.js';
import { uploadGroup, type GroupUploadEvent } from './upload/upload-group.js';

/**
 * An Uploadcare client: configuration plus the HTTP layer every resource goes through ({@link UploadcareClient}), with
 * the resources and operations bound to it as methods: {@link file}, {@link group}, {@link fileList},
 * {@link groupList}, {@link createGroup}, {@link uploadFile}, {@link uploadGroup}, {@link uploadFromUrl},
 * {@link uploadFromUrlSync}, {@link storeFiles}, {@link deleteFiles} (each the same as the class or function given this
 * client). An app that calls only some operations may build an {@link UploadcareClient} and import those functions
 * alone, so that its bundle leaves the others out (docs/architecture.md).
 */
export class Uploadcare extends UploadcareClient {
  /** A {@link File} of this client, from a UUID or a CDN URL. No request. */
  file(uuidOrCdnUrl: string): File {
    return new File(uuidOrCdnUrl, this);
  }

  /** A {@link FileGroup} of this client, from `<uuid>~<N>` or a group CDN URL. No request. */
  group(cdnUrlOrGroupId: string): FileGroup {
    return new FileGroup(cdnUrlOrGroupId, this);
  }

  /** The project's files as a {@link FileList} of this client. Nothing is requested before subscribe. */
  fileList(options?: FileListOptions): FileList {
    return new FileList(options, this);
  }

  /** The project's groups as a {@link GroupList} of this client. Nothing is requested before subscribe. */
  groupList(options?: GroupListOptions): GroupList {
    return new GroupList(options, this);
  }

  /** {@link FileGroup.create} with this client: groups `files` (signed as `options` say) and emits the group. */
  createGroup(files: Iterable<File>, options: GroupCreateOptions = {}): Observable<FileGroup> {
    return FileGroup.create(files, options, this);
  }

  /**
   * {@link uploadFile} with this client: progress ticks, then `{ type: 'complete', file }`. Named apart from
   * {@link upload}, the raw Upload API call.
   */
  uploadFile(input: UploadInput, options?: UploadOptions): Observable<UploadEvent> {
    return uploadFile(input, options, this);
  }

  /** {@link uploadGroup} with this client: overall progress, then `{ type: 'complete', group, files }`. */
  uploadGroup(inputs: Iterable<UploadInput>, options?: UploadOptions): Observable<GroupUploadEvent> {
    return uploadGroup(inputs, options, this);
  }

  /** {@link uploadFromUrl} with this client: emits the {@link FileFromUrl} to follow. */
  uploadFromUrl(url: string, options?: FromUrlOptions): Observable<FileFromUrl> {
    return uploadFromUrl(url, options, this);
  }

  /** {@link uploadFromUrlSync} with this client: emits the File once uploaded (and ready, with `untilReady`). */
  uploadFromUrlSync(url: string, options?: FromUrlOptions & FromUrlWaitOptions): Observable<File> {
    return uploadFromUrlSync(url, options, this);
  }

  /** {@link storeFiles} with this client: one result per file, in batches of 100. */
  storeFiles(files: BatchInput): Observable<BatchResult> {
    return storeFiles(files, this);
  }

  /** {@link deleteFiles} with this client: one result per file, in batches of 100. */
  deleteFiles(files: BatchInput): Observable<BatchResult> {
    return deleteFiles(files, this);
  }

  /**
   * A REST API call, signed by the client's auth scheme: {@link rest} with this client. `path` is relative to
   * `restBase` (`'files/?limit=10'`) or an absolute URL on the same origin (a `next` link passes unchanged). `data` is
   * the JSON body, or the query of a GET. Emits the parsed JSON answer (null for an empty one).
   */
  rest<T>(method: HttpMethod, path: string, data?: unknown, callOptions?: RequestOptions): Observable<T> {
    return rest<T>(this, method, path, data, callOptions);
  }
}
