import { concatMap, defer, endWith, from, ignoreElements, map, type Observable, of, switchMap, throwError, toArray } from 'rxjs';
import { eachValueFrom } from 'rxjs-for-await';
import type { UploadcareClient } from '../core/client.js';
import { restCall } from './rest-call.js';
import { clientOrDefault } from '../conf.js';
import { APIError, InvalidParamError, InvalidRequestError } from '../errors.js';
import { storeFiles } from './batch.js';
import { File } from './file.js';
import { fromAnswer } from './from-answer.js';
import { type FileInfo, toDate } from './file-info.js';
import type { GroupInfo } from './group-info.js';
import { isGroupId, parseGroupReference } from './group-id.js';
import { describeValue } from '../describe-value.js';
import { type Effects, normalizeEffects } from './effects.js';
import { InfoCache } from './info-cache.js';
import { requestGroup } from '../upload/group-request.js';
import type { UploadOptions } from '../upload/options.js';
import { SIGNING_OPTION_KEYS, uploadSignatureFor, type SigningOptions } from '../upload/signature.js';
import { checkOptions } from '../options/check-options.js';
import type { UploadInput } from '../upload/source.js';
import type { UploadProgressEvent } from '../upload/events.js';
import { uploadGroupToIds } from '../upload/upload-group-ids.js';

/** Options of {@link FileGroup.create}: how the `group/` request is signed, as an upload is. */
export type GroupCreateOptions = SigningOptions;

/** The end of a group upload: the new group and its files, in the order of the inputs. */
export interface GroupCompleteEvent {
  readonly type: 'complete';
  readonly group: FileGroup;
  readonly files: readonly File[];
}

/** What {@link uploadGroup} emits: overall progress over every file, then the group. */
export type GroupUploadEvent = UploadProgressEvent | GroupCompleteEvent;

/**
 * A group of files, immutable: built from `<uuid>~<N>` or a group CDN URL without any request; `id`, `length`,
 * `cdnUrl` and `fileCdnUrls` need none. The instance is frozen: assigning a property throws a TypeError (strict
 * mode), and {@link slice} throws the seed's `TypeError('slicing is not supported')`.
 *
 * Iterate the files with `group.files()` (an Observable) or `for await (const file of group)`; there is no
 * synchronous iterator, since the files are known only after a request (`fileCdnUrls` is the synchronous view).
 */
export class FileGroup implements AsyncIterable<File | null> {
  /** The group id, `<uuid>~<N>`. */
  readonly id: string;
  /** The number of files, from the id. */
  readonly length: number;
  readonly #client: UploadcareClient | undefined;
  readonly #cache = new InfoCache<GroupInfo>();

  /**
   * @param cdnUrlOrGroupId `<uuid>~<N>` (N >= 1), found anywhere in the string: a group CDN URL works.
   * @param client the client to use; default {@link defaultClient}, looked up at each use.
   * @throws InvalidParamError `Couldn't find group id` otherwise (`~0`, `~x`, no `~`).
   */
  constructor(cdnUrlOrGroupId: string, client?: UploadcareClient) {
    const reference = parseGroupReference(cdnUrlOrGroupId);
    this.id = reference.id;
    this.length = reference.count;
    this.#client = client;
    Object.freeze(this);
  }

  /**
   * A FileGroup whose info is already known (e.g. an entry of a list): no request until `updateInfo()`.
   * @throws InvalidParamError when `info.id` is not exactly a group id (`<uuid>~<N>`, nothing around it).
   */
  static constructFrom(info: GroupInfo, client?: UploadcareClient): FileGroup {
    if (typeof info !== 'object' || info === null || !isGroupId(info.id)) {
      throw new InvalidParamError(`Group info must be an object with a group id, not ${describeValue(info?.id)}`);
    }
    const group = new FileGroup(info.id, client);
    group.#cache.set(info);
    return group;
  }

  /**
   * Creates a group of `files` in order (Upload API `POST group/`), each sent as its CDN path with its default
   * effects, and emits it. Every item must be a File, and there must be at least one ('set of files is empty'):
   * otherwise an InvalidParamError, before any request. On a project that requires signed uploads, sign it as an
   * upload is signed: `FileGroup.create(files, { signed: true }, client)` (or a signature, or a resolver).
   * `FileGroup.create(files, client)` is the unsigned short form.
   */
  static create(files: Iterable<File>, client?: UploadcareClient): Observable<FileGroup>;
  static create(files: Iterable<File>, options: GroupCreateOptions, client?: UploadcareClient): Observable<FileGroup>;
  static create(files: Iterable<File>, optionsOrClient?: GroupCreateOptions | UploadcareClient, client?: UploadcareClient): Observable<FileGroup> {
    const [options, given] = isClient(optionsOrClient) ? [undefined, optionsOrClient] : [optionsOrClient, client];
    return defer(() => {
      const signing = checkOptions('create() options', options, SIGNING_OPTION_KEYS);
      const list = checkGroupFiles(files);
      const uploadcare = clientOrDefault(given);
      return uploadSignatureFor(signing, uploadcare).pipe(switchMap((signature) => requestGroup(list.map((file) => file.cdnPath(file.defaultEffects)), signature, uploadcare)));
    }).pipe(map((id) => new FileGroup(id, given)));
  }

  /**
   * Uploads every source (a few at a time) and groups them in order, in one call: overall progress ticks, then
   * `{ type: 'complete', group, files }`. See {@link uploadGroup}.
   */
  static upload(inputs: Iterable<UploadInput>, options?: UploadOptions, client?: UploadcareClient): Observable<GroupUploadEvent> {
    return uploadGroupToIds(inputs, options, client).pipe(
      map((event) =>
        event.type === 'complete' ? { type: 'complete', group: new FileGroup(event.groupId, client), files: event.uuids.map((uuid) => new File(uuid, client)) } : event,
      ),
    );
  }

  /** The client this group talks through. */
  get client(): UploadcareClient {
    return clientOrDefault(this.#client);
  }

  /** The group's CDN URL, `<cdn base><id>/`. No request. */
  get cdnUrl(): string {
    return `${this.client.options.cdnBase}${this.id}/`;
  }

  /** The CDN URL of each file, `<cdnUrl>nth/<i>/`. No request. */
  get fileCdnUrls(): readonly string[] {
    const base = this.cdnUrl;
    return Object.freeze(Array.from({ length: this.length }, (_, i) => `${base}nth/${i}/`));
  }

  /**
   * The CDN URL of the file at `index` (from 0; negative counts from the end) with `effects`, a string or an
   * {@link ImageTransformation}: `<cdnUrl>nth/<i>/-/<effects>`. No request.
   * @throws InvalidParamError when `index` is outside the group, or `effects` cannot be CDN operations.
   */
  fileCdnUrl(index: number, effects?: Effects | null): string {
    const position = this.#position(index);
    const normalized = effects ? normalizeEffects(effects) : '';
    return `${this.cdnUrl}nth/${position}/${normalized ? `-/${normalized}` : ''}`;
  }

  /** The CDN URL. */
  toString(): string {
    return this.cdnUrl;
  }

  /**
   * The group's info with its files: one `GET groups/<id>/` the first time (shared by concurrent subscribers), then
   * the cache. A group from a {@link GroupList} has its list entry cached, without files: `info()` asks once for them.
   */
  info(): Observable<GroupInfo> {
    return this.#cache.get(
      () => this.#fetchInfo(),
      (info) => Array.isArray(info.files),
    );
  }

  /** Always requests the group's info and refreshes the cache. */
  updateInfo(): Observable<GroupInfo> {
    return this.#cache.track(this.#fetchInfo());
  }

  /** When the group was created. Goes through {@link info}. */
  datetimeCreated(): Observable<Date | null> {
    return this.#cache.get(() => this.#fetchInfo()).pipe(map((info) => toDate(info.datetime_created)));
  }

  /**
   * When the group was stored, or null. REST v0.7 does not report it: unless the server gives a date, it is the latest
   * store date of its files once every file still in the group is stored (null while one is not). Goes through
   * {@link info}.
   */
  datetimeStored(): Observable<Date | null> {
    return this.info().pipe(map(groupStoredDate));
  }

  /** True when the group is stored (see {@link datetimeStored}). Goes through {@link info}. */
  isStored(): Observable<boolean> {
    return this.datetimeStored().pipe(map((date) => date !== null));
  }

  /**
   * Stores every file of the group. REST v0.7 has no group storage endpoint, so this stores the group's files in
   * batches (`PUT files/storage/`, 100 a request), as the v0.7 clients do, and updates the cached info. Makes no
   * store request when the group is already stored. Emits the group's info once done; files the server could not
   * store make it fail with an InvalidRequestError listing their problems.
   */
  store(): Observable<GroupInfo> {
    return this.info().pipe(
      switchMap((info) => {
        if (groupStoredDate(info) !== null) return of(info);
        const members = presentFiles(info);
        return storeFiles(
          members.map((file) => file.uuid),
          this.#client,
        ).pipe(
          toArray(),
          map((results) => {
            const failed = results.filter((result) => !result.ok);
            if (failed.length > 0) {
              const problems = Object.fromEntries(failed.map((result) => [result.uuid, result.ok ? '' : result.problem]));
              throw new InvalidRequestError(`Could not store every file of group ${this.id}: ${JSON.stringify(problems)}`, {
                body: { problems },
              });
            }
            const stored = new Map(results.map((result) => [result.uuid, result.ok ? result.info : null]));
            const files = (info.files ?? []).map((file) => (file ? { ...file, ...stored.get(file.uuid) } : null));
            const updated: GroupInfo = { ...info, files };
            this.#cache.set(updated);
            return updated;
          }),
        );
      }),
    );
  }

  /** The files in order: a File (with the effects the group gave it) or null for a deleted file. Goes through {@link info}. */
  files(): Observable<File | null> {
    return this.info().pipe(
      concatMap((info) => from(this.#memberInfos(info))),
      map((file) => this.#member(file)),
    );
  }

  /**
   * The file at `index` (negative counts from the end, like `Array.prototype.at`): a File, or null for a deleted file.
   * An index outside the group's length is an InvalidParamError, before any request.
   */
  at(index: number): Observable<File | null> {
    let position: number;
    try {
      position = this.#position(index);
    } catch (error) {
      return throwError(() => error);
    }
    return this.info().pipe(
      map((info) => this.#member(info.files?.[position])),
    );
  }

  /** `index` as a position from 0 (negative counts from the end). */
  #position(index: number): number {
    if (!Number.isInteger(index) || index < -this.length || index >= this.length) {
      throw new InvalidParamError(`Index ${index} is out of range for a group of ${this.length}`);
    }
    return index < 0 ? this.length + index : index;
  }

  /** Not supported: a FileGroup is immutable. Throws `TypeError('slicing is not supported')`, as the seed does. */
  slice(..._args: unknown[]): never {
    throw new TypeError('slicing is not supported');
  }

  /** Deletes the group (`DELETE groups/<id>/`); its files are left as they are. */
  delete(): Observable<void> {
    return defer(() => restCall<unknown>(this.client, 'DELETE', `groups/${this.id}/`)).pipe(ignoreElements(), endWith(undefined));
  }

  /** `for await (const file of group)`: the files in order, File or null (one info request, then the cache). */
  [Symbol.asyncIterator](): AsyncIterator<File | null> {
    return eachValueFrom(this.files())[Symbol.asyncIterator]();
  }

  /** A File for a group entry; null for a deleted file (REST v0.7 gives null; some servers give the removed file). */
  #member(file: FileInfo | null | undefined): File | null {
    if (!file || file.datetime_removed) return null;
    return fromAnswer(`The info of group ${this.id} lists a file that is not valid`, file, () => File.constructFrom(file, this.#client));
  }

  /** The group info's `files`: a list, or none; anything else is a bad answer (not a TypeError from iterating it). */
  #memberInfos(info: GroupInfo): readonly (FileInfo | null)[] {
    const files: unknown = info?.files ?? [];
    if (!Array.isArray(files)) throw new APIError(`The info of group ${this.id} has files that are not a list`, { body: info });
    return files as readonly (FileInfo | null)[];
  }

  #fetchInfo(): Observable<GroupInfo> {
    return defer(() => restCall<GroupInfo>(this.client, 'GET', `groups/${this.id}/`));
  }
}

/** A client rather than options: the one argument position takes either. */
function isClient(value: GroupCreateOptions | UploadcareClient | undefined): value is UploadcareClient {
  return typeof (value as Partial<UploadcareClient> | undefined)?.upload === 'function';
}

function checkGroupFiles(files: Iterable<File>): File[] {
  if (files === null || typeof files !== 'object' || typeof (files as Partial<Iterable<File>>)[Symbol.iterator] !== 'function') {
    throw new InvalidParamError('files must be an iterable of File');
  }
  const list = [...files];
  if (list.length === 0) throw new InvalidParamError('set of files is empty');
  list.forEach((file, i) => {
    if (!(file instanceof File)) throw new InvalidParamError(`Item ${i} is not a File`);
  });
  return list;
}

function groupStoredDate(info: GroupInfo): Date | null {
  const reported = toDate(info.datetime_stored);
  if (reported) return reported;
  const files = presentFiles(info);
  if (files.length === 0) return null;
  let latest: Date | null = null;
  for (const file of files) {
    const stored = toDate(file.datetime_stored);
    if (stored === null) return null;
    if (latest === null || stored > latest) latest = stored;
  }
  return latest;
}

/** The files of the group that still exist. */
function presentFiles(info: GroupInfo): FileInfo[] {
  return (info.files ?? []).filter((file): file is FileInfo => file !== null && !file.datetime_removed);
}
