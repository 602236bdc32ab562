import { defer, finalize, forkJoin, from, map, mergeMap, Observable, switchMap, tap, toArray } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { clientOrDefault } from '../conf.js';
import { InvalidParamError } from '../errors.js';
import { progressEvent, type UploadProgressEvent } from './upload-events.js';
import { requestGroup } from './group-request.js';
import { checkUploadOptions, type UploadOptions } from './options.js';
import { uploadSignatureFor } from './signature.js';
import { resolveUploadPolicy } from './policy.js';
import { ByteProgress } from './progress.js';
import { toUploadSource, type OpenedSource, type UploadInput } from './source.js';
import { uploadOpened } from './upload-to-uuid.js';

/** The end of a group upload, as plain data: the new group's id and its files' UUIDs, in the order of the inputs. */
export interface GroupIdsCompleteEvent {
  readonly type: 'complete';
  readonly groupId: string;
  readonly uuids: readonly string[];
}

/** What {@link uploadGroupToIds} emits: overall progress over every file, then the group's id and UUIDs. */
export type GroupIdsUploadEvent = UploadProgressEvent | GroupIdsCompleteEvent;

/**
 * Uploads every input (at most `policy.fileConcurrency` at once, each as {@link uploadFile} would) and groups them
 * in input order (`POST group/`). Progress is the bytes sent over all files, against the sum of their sizes.
 * Every source is checked and opened first: a bad one is an InvalidParamError before any request. With `signed`, the
 * signature is resolved once (after the sources opened) and used for every file and the group. `filename` and
 * `contentType` options are ignored (each source keeps its own); the rest apply to every file.
 *
 * The core of {@link uploadGroup}: its `complete` event is plain data (no {@link FileGroup}, no {@link File}), so an app
 * that calls it alone bundles no REST resource.
 * @param client the client to use; default {@link defaultClient}.
 */
export function uploadGroupToIds(inputs: Iterable<UploadInput>, options: UploadOptions = {}, client?: UploadcareClient): Observable<GroupIdsUploadEvent> {
  return defer(() => {
    checkUploadOptions(options);
    const policy = resolveUploadPolicy(options.policy);
    if (typeof (inputs as Partial<Iterable<UploadInput>> | null)?.[Symbol.iterator] !== 'function') {
      throw new InvalidParamError('The files of a group must be an iterable of sources.');
    }
    const sources = [...inputs].map(toUploadSource);
    if (sources.length === 0) throw new InvalidParamError('set of files is empty');
    const uploadcare = clientOrDefault(client);
    const signing = uploadSignatureFor(options, uploadcare);
    let openedSources: readonly OpenedSource[] = [];
    return forkJoin(sources.map((source) => source.open())).pipe(
      tap((opened) => (openedSources = opened)),
      switchMap((opened) => signing.pipe(map((signature) => [opened, signature] as const))),
      switchMap(
        ([opened, signature]) =>
          new Observable<GroupIdsUploadEvent>((subscriber) => {
            // One signature for the whole group: a resolver is asked once.
            const perFile: UploadOptions = { ...options, filename: undefined, contentType: undefined, signed: signature ?? false };
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
                map((results) => results.sort((a, b) => a.index - b.index).map((result) => result.uuid)),
                switchMap((uuids) =>
                  requestGroup(
                    uuids.map((uuid) => `${uuid}/`),
                    signature,
                    uploadcare,
                  ).pipe(map((groupId): GroupIdsCompleteEvent => ({ type: 'complete', groupId, uuids }))),
                ),
              )
              .subscribe({
                next: (event) => subscriber.next(event),
                error: (error: unknown) => subscriber.error(error),
                complete: () => subscriber.complete(),
              });
            return subscription;
          }),
      ),
      finalize(() => {
        for (const source of openedSources) source.close();
      }),
    );
  });
}
