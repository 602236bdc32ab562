import { defer, forkJoin, from, map, mergeMap, Observable, switchMap, toArray } from 'rxjs';
import type { Uploadcare } from '../client.js';
import { defaultClient } from '../conf.js';
import { InvalidParamError } from '../errors.js';
import { File } from '../resources/file.js';
import { FileGroup } from '../resources/file-group.js';
import { progressEvent, type UploadProgressEvent } from './events.js';
import { checkUploadOptions, type UploadOptions } from './options.js';
import { resolveUploadPolicy } from './policy.js';
import { ByteProgress } from './progress.js';
import { toUploadSource, type UploadInput } from './source.js';
import { uploadOpened } from './upload-file.js';

/** The end of a group upload: the new group and its files, in the order of the inputs. */
export interface GroupCompleteEvent {
  readonly type: 'complete';
  readonly group: FileGroup;
  readonly files: readonly File[];
}

/** What {@link uploadGroup} emits: overall progress over every file, then the group. */
export type GroupUploadEvent = UploadProgressEvent | GroupCompleteEvent;

/**
 * Uploads every input (at most `policy.fileConcurrency` at once, each as {@link uploadFile} would) and groups them
 * (`POST group/`) in input order. Progress is the bytes sent over all files, against the sum of their sizes.
 * Every source is checked and opened first: a bad one is an InvalidParamError before any request. `filename` and
 * `contentType` options are ignored (each source keeps its own); the rest apply to every file.
 * @param client the client to use; default {@link defaultClient}.
 */
export function uploadGroup(inputs: Iterable<UploadInput>, options: UploadOptions = {}, client?: Uploadcare): Observable<GroupUploadEvent> {
  return defer(() => {
    checkUploadOptions(options);
    const policy = resolveUploadPolicy(options.policy);
    const sources = [...inputs].map(toUploadSource);
    if (sources.length === 0) throw new InvalidParamError('set of files is empty');
    const uploadcare = client ?? defaultClient();
    const perFile: UploadOptions = { ...options, filename: undefined, contentType: undefined };
    return forkJoin(sources.map((source) => source.open())).pipe(
      switchMap(
        (opened) =>
          new Observable<GroupUploadEvent>((subscriber) => {
            const sizes = opened.map((source) => source.size);
            const total = sizes.reduce((sum, size) => sum + size, 0);
            const progress = new ByteProgress(sizes, (done) => subscriber.next(progressEvent(done, total)));
            subscriber.next(progressEvent(0, total));
            const subscription = from(opened.map((source, index) => ({ source, index })))
              .pipe(
                mergeMap(
                  ({ source, index }) =>
                    uploadOpened(source, perFile, policy, uploadcare).pipe(
                      mergeMap((event) => {
                        if (event.type === 'progress') {
                          progress.update(index, event.done);
                          return [];
                        }
                        return [{ index, uuid: event.file }];
                      }),
                    ),
                  policy.fileConcurrency,
                ),
                toArray(),
                map((results) => results.sort((a, b) => a.index - b.index).map((result) => new File(result.uuid, client))),
                switchMap((files) => FileGroup.create(files, client).pipe(map((group): GroupCompleteEvent => ({ type: 'complete', group, files })))),
              )
              .subscribe({
                next: (event) => subscriber.next(event),
                error: (error: unknown) => subscriber.error(error),
                complete: () => subscriber.complete(),
              });
            return () => {
              subscription.unsubscribe();
              for (const source of opened) source.close();
            };
          }),
      ),
    );
  });
}
