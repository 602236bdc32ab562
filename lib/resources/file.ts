import { defer, endWith, ignoreElements, map, type Observable, switchMap, tap, throwError } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { restCall } from './rest-call.js';
import { clientOrDefault } from '../conf.js';
import { APIError, InvalidParamError } from '../errors.js';
import { LOCAL_COPY_OPTION_KEYS, REMOTE_COPY_OPTION_KEYS, type LocalCopyOptions, type LocalCopyResponse, type RemoteCopyOptions, type RemoteCopyResponse } from './copy-options.js';
import { checkOptions } from '../options/check-options.js';
import { appendEffects, type Effects, normalizeEffects } from './effects.js';
import { type AppData, checkInclude, FILE_INFO_OPTION_KEYS, type FileInfo, type FileInfoOptions, toDate } from './file-info.js';
import { parseFileReference } from './file-reference.js';
import { InfoCache } from './info-cache.js';
import { checkMetadataKey, checkMetadataRecord, checkMetadataValue } from './metadata.js';
import { getFileTags, replaceFileTags, updateFileTags, type TagsChange, type TagsUpdate } from './file-tags.js';
import { isUuid } from './uuid.js';
import type { UploadEvent } from '../upload/upload-events.js';
import { FROM_URL_WAIT_KEYS, FromUrlUpload, type FromUrlWaitOptions } from '../upload/from-url-upload.js';
import { FROM_URL_OPTION_KEYS, type FromUrlOptions } from '../upload/from-url-options.js';
import { requestFromUrl } from '../upload/from-url-request.js';
import { toFile } from '../upload/to-file.js';
import type { UploadFileInfo } from '../upload/upload-api.js';
import type { UploadOptions } from '../upload/options.js';
import type { UploadInput } from '../upload/source.js';
import { completeEvent } from '../upload/upload-events.js';
import { uploadFileToUuid } from '../upload/upload-to-uuid.js';

/** Replaces the cached info of a File (for batch operations that learn a file's new state). */
export let primeFileInfo: (file: File, info: FileInfo) => void;

/**
 * An Uploadcare file. Built from a UUID or a CDN URL without any request; every operation is a cold Observable
 * (nothing happens until subscribe; unsubscribing aborts the request in flight).
 *
 * ```ts
 * const file = new File('https://ucarecdn.com/a771f854-c2cb-408a-8c36-71af77811f3b/-/effect/flip/');
 * file.defaultEffects; // 'effect/flip/'
 * file.filename().subscribe(console.log);
 * ```
 */
export class File {
  /** The file's UUID, e.g. `a771f854-c2cb-408a-8c36-71af77811f3b`. */
  readonly uuid: string;
  readonly #client: UploadcareClient | undefined;
  readonly #cache = new InfoCache<FileInfo>();
  #defaultEffects: string;

  static {
    primeFileInfo = (file, info) => file.#cache.set(info);
  }

  /**
   * @param uuidOrCdnUrl a UUID, or any URL whose path ends in `/<uuid>/`, optionally followed by `-/<effects>/` and
   *   a file name. The host is ignored: the client's CDN base is used.
   * @param client the client to use; default {@link defaultClient} (from the global `conf`), looked up at each use.
   * @throws InvalidParamError `Couldn't find UUID` when `uuidOrCdnUrl` holds no file UUID.
   */
  constructor(uuidOrCdnUrl: string, client?: UploadcareClient) {
    const reference = parseFileReference(uuidOrCdnUrl);
    this.uuid = reference.uuid;
    this.#defaultEffects = reference.effects;
    this.#client = client;
  }

  /**
   * A File whose info is already known, e.g. an entry of a list or group: no request until `updateInfo()`.
   * Takes `default_effects` from the info when present.
   * @throws InvalidParamError when `info` has no valid `uuid`.
   */
  static constructFrom(info: FileInfo, client?: UploadcareClient): File {
    const file = fileOfExactUuid(typeof info === 'object' && info !== null ? info.uuid : undefined, client);
    if (!file) throw new InvalidParamError('File info must be an object with a valid uuid');
    if (info.default_effects) file.defaultEffects = info.default_effects;
    file.#cache.set(info);
    return file;
  }

  /**
   * Uploads a file: `{ type: 'progress', done, total }` ticks, then `{ type: 'complete', file }`; add `.pipe(toFile())`
   * for just the File. Direct below 10 MiB, multipart above; see {@link uploadFile}. In Node, `fromPath(path)` and
   * `fromStream(stream, { size })` make sources of files and streams.
   */
  static upload(input: UploadInput, options?: UploadOptions, client?: UploadcareClient): Observable<UploadEvent<File>> {
    return uploadFileToUuid(input, options, client).pipe(map((event) => (event.type === 'complete' ? completeEvent(new File(event.file, client)) : event)));
  }

  /** Asks the service to fetch `url`; emits the {@link FileFromUrl} to follow it. See {@link uploadFromUrl}. */
  static uploadFromUrl(url: string, options: FromUrlOptions = {}, client?: UploadcareClient): Observable<FileFromUrl> {
    return requestFromUrl(url, options, client, {
      token: (token) => new FileFromUrl(token, client),
      duplicate: (info) => FileFromUrl.completed(info, client),
    });
  }

  /** Uploads from `url` and waits: emits the File once uploaded (and ready, with `untilReady`). See {@link uploadFromUrlSync}. */
  static uploadFromUrlSync(url: string, options?: FromUrlOptions & FromUrlWaitOptions, client?: UploadcareClient): Observable<File> {
    return defer(() => {
      const { timeout, interval, untilReady, ramp, ...upload } = checkOptions('upload options', options, [...FROM_URL_OPTION_KEYS, ...FROM_URL_WAIT_KEYS]);
      return File.uploadFromUrl(url, upload, client).pipe(
        switchMap((started) => started.wait({ timeout, interval, untilReady, ramp })),
        toFile(),
      );
    });
  }

  /** The client this file talks through. */
  get client(): UploadcareClient {
    return clientOrDefault(this.#client);
  }

  /**
   * Effects used by {@link cdnUrl}, e.g. `effect/flip/-/effect/mirror/`; '' for none. Set a string or an
   * {@link ImageTransformation}; setting it checks and canonicalizes the value (a trailing `/` is added).
   * @throws InvalidParamError (on set) when the value cannot be a sequence of CDN operations.
   */
  get defaultEffects(): string {
    return this.#defaultEffects;
  }

  set defaultEffects(effects: Effects) {
    this.#defaultEffects = normalizeEffects(effects);
  }

  /** The CDN URL: the client's CDN base + {@link cdnPath} with the default effects. No request. */
  get cdnUrl(): string {
    return this.cdnUrlWith(this.#defaultEffects);
  }

  /**
   * The CDN URL with `effects` (a string or an {@link ImageTransformation}) instead of the default effects. No request.
   * @throws InvalidParamError when `effects` cannot be a sequence of CDN operations.
   */
  cdnUrlWith(effects: Effects | null): string {
    return `${this.client.options.cdnBase}${this.cdnPath(effects)}`;
  }

  /**
   * `<uuid>/-/<effects>` when effects are given, else `<uuid>/`. Effects are a string or an {@link ImageTransformation}:
   * `file.cdnPath(new ImageTransformation().preview(200, 200))` is `<uuid>/-/preview/200x200/`.
   * @throws InvalidParamError when `effects` cannot be a sequence of CDN operations.
   */
  cdnPath(effects?: Effects | null): string {
    const normalized = effects ? normalizeEffects(effects) : '';
    return normalized ? `${this.uuid}/-/${normalized}` : `${this.uuid}/`;
  }

  /** The CDN URL. */
  toString(): string {
    return this.cdnUrl;
  }

  /**
   * The file's info: one `GET files/<uuid>/` the first time, shared by concurrent subscribers, then the cache.
   * A failed request is not cached. With `include: 'appdata'`, asks again when the cached info has no appdata.
   */
  info(given?: FileInfoOptions): Observable<FileInfo> {
    let options: FileInfoOptions;
    try {
      options = checkOptions('info() options', given, FILE_INFO_OPTION_KEYS);
    } catch (error) {
      return throwError(() => error);
    }
    return this.#cache.get(
      () => this.#fetchInfo(options),
      (info) => options.include !== 'appdata' || info.appdata !== undefined,
      options.include ?? '',
    );
  }

  /** Always requests the file's info and refreshes the cache. */
  updateInfo(options?: FileInfoOptions): Observable<FileInfo> {
    return this.#cache.track(defer(() => this.#fetchInfo(checkOptions('updateInfo() options', options, FILE_INFO_OPTION_KEYS))));
  }

  /** Original file name, e.g. `olympia.jpg`. Goes through {@link info}. */
  filename(): Observable<string> {
    return this.info().pipe(map((info) => info.original_filename));
  }

  /** Size in bytes. Goes through {@link info}. */
  size(): Observable<number> {
    return this.info().pipe(map((info) => info.size));
  }

  /** MIME type, e.g. `image/png`. Goes through {@link info}. */
  mimeType(): Observable<string> {
    return this.info().pipe(map((info) => info.mime_type));
  }

  /** True for an image. Goes through {@link info}. */
  isImage(): Observable<boolean> {
    return this.info().pipe(map((info) => info.is_image));
  }

  /** True once the file is fully processed and can be used. Goes through {@link info}. */
  isReady(): Observable<boolean> {
    return this.info().pipe(map((info) => info.is_ready));
  }

  /** True when the file is stored (`datetime_stored` is set). Goes through {@link info}. */
  isStored(): Observable<boolean> {
    return this.datetimeStored().pipe(map((date) => date !== null));
  }

  /** True when the file is removed (`datetime_removed` is set). Goes through {@link info}. */
  isRemoved(): Observable<boolean> {
    return this.datetimeRemoved().pipe(map((date) => date !== null));
  }

  /** When the file was uploaded. Goes through {@link info}. */
  datetimeUploaded(): Observable<Date | null> {
    return this.info().pipe(map((info) => toDate(info.datetime_uploaded)));
  }

  /** When the file was last stored, or null. Goes through {@link info}. */
  datetimeStored(): Observable<Date | null> {
    return this.info().pipe(map((info) => toDate(info.datetime_stored)));
  }

  /** When the file was removed, or null. Goes through {@link info}. */
  datetimeRemoved(): Observable<Date | null> {
    return this.info().pipe(map((info) => toDate(info.datetime_removed)));
  }

  /** Results of add-ons (`include=appdata`), or null when there are none. */
  appdata(): Observable<AppData | null> {
    return this.info({ include: 'appdata' }).pipe(map((info) => info.appdata ?? null));
  }

  /** Stores the file (`PUT files/<uuid>/storage/`); the answer becomes the cached info. */
  store(): Observable<FileInfo> {
    return this.#cache.track(defer(() => restCall<FileInfo>(this.client, 'PUT', `files/${this.uuid}/storage/`)));
  }

  /** Deletes the file (`DELETE files/<uuid>/storage/`); the answer becomes the cached info. */
  delete(): Observable<FileInfo> {
    return this.#cache.track(defer(() => restCall<FileInfo>(this.client, 'DELETE', `files/${this.uuid}/storage/`)));
  }

  /**
   * Copies the file. `effects` are appended to {@link defaultEffects} (`'resize/3x3/'` + `'flip/'` copies
   * `<uuid>/-/resize/3x3/-/flip/`). Without `target`, a copy in Uploadcare storage (`files/local_copy/`), emitting
   * the new File; with `target`, a copy to that custom storage (`files/remote_copy/`), emitting the copy's URL.
   */
  copy(options?: LocalCopyOptions): Observable<File>;
  copy(options: RemoteCopyOptions): Observable<string>;
  copy(given?: LocalCopyOptions | RemoteCopyOptions): Observable<File> | Observable<string> {
    let source: string;
    let options: LocalCopyOptions | RemoteCopyOptions;
    try {
      const target = (given as { readonly target?: unknown } | null | undefined)?.target;
      options = checkOptions('copy() options', given, target === undefined ? LOCAL_COPY_OPTION_KEYS : REMOTE_COPY_OPTION_KEYS);
      source = this.cdnPath(appendEffects(this.#defaultEffects, options.effects ?? ''));
    } catch (error) {
      return throwError(() => error);
    }
    if (options.target === undefined) return this.#localCopy(source, options);
    return this.#remoteCopy(source, options);
  }

  /** All metadata of the file (`GET files/<uuid>/metadata/`). */
  metadata(): Observable<Readonly<Record<string, string>>>;
  /** The value of one metadata key (`GET files/<uuid>/metadata/<key>/`); a missing key is an InvalidRequestError (404). */
  metadata(key: string): Observable<string>;
  metadata(key?: string): Observable<Readonly<Record<string, string>>> | Observable<string> {
    if (key === undefined) {
      return defer(() => restCall<Record<string, string>>(this.client, 'GET', `files/${this.uuid}/metadata/`));
    }
    return defer(() => restCall<string>(this.client, 'GET', this.#metadataPath(key)));
  }

  /**
   * Sets one metadata key (created when missing); emits the value stored. Key (1-64 of `A-Za-z0-9_-.:`) and value
   * (1-512 characters) are checked before any request.
   */
  setMetadata(key: string, value: string): Observable<string> {
    return defer(() => {
      const path = this.#metadataPath(key);
      checkMetadataValue(value);
      return restCall<string>(this.client, 'PUT', path, value);
    }).pipe(tap((stored) => this.#patchCachedMetadata(key, stored)));
  }

  /** Deletes one metadata key. The key is checked before any request. */
  deleteMetadata(key: string): Observable<void> {
    return defer(() => restCall<unknown>(this.client, 'DELETE', this.#metadataPath(key))).pipe(
      ignoreElements(),
      endWith(undefined),
      tap(() => this.#patchCachedMetadata(key, undefined)),
    );
  }

  /** The file's tags (`GET files/<uuid>/tags/`), in storage order. See {@link getFileTags}. */
  tags(): Observable<readonly string[]> {
    return defer(() => getFileTags(this.uuid, this.client));
  }

  /** Replaces every tag of the file (`[]` clears them); the cached info gets the new tags. See {@link replaceFileTags}. */
  setTags(tags: readonly string[]): Observable<TagsChange> {
    return defer(() => replaceFileTags(this.uuid, tags, this.client)).pipe(tap((change) => this.#patchCachedTags(change.tags)));
  }

  /** Removes, then adds tags in one call; the cached info gets the new tags. See {@link updateFileTags}. */
  updateTags(update: TagsUpdate): Observable<TagsChange> {
    return defer(() => updateFileTags(this.uuid, update, this.client)).pipe(tap((change) => this.#patchCachedTags(change.tags)));
  }

  #fetchInfo(options: FileInfoOptions): Observable<FileInfo> {
    return defer(() => {
      checkInclude(options.include);
      const query = options.include ? `?include=${options.include}` : '';
      return restCall<FileInfo>(this.client, 'GET', `files/${this.uuid}/${query}`);
    });
  }

  #metadataPath(key: string): string {
    return `files/${this.uuid}/metadata/${encodeURIComponent(checkMetadataKey(key))}/`;
  }

  #patchCachedMetadata(key: string, value: string | undefined): void {
    const info = this.#cache.peek();
    if (!info) return;
    const metadata: Record<string, string> = { ...info.metadata };
    if (value === undefined) delete metadata[key];
    else metadata[key] = value;
    this.#cache.set({ ...info, metadata });
  }

  #patchCachedTags(tags: readonly string[]): void {
    const info = this.#cache.peek();
    if (info) this.#cache.set({ ...info, tags });
  }

  #localCopy(source: string, options: LocalCopyOptions): Observable<File> {
    return defer(() => {
      if (options.store !== undefined && typeof options.store !== 'boolean') throw new InvalidParamError('store must be true or false');
      const body = {
        source,
        ...(options.store !== undefined && { store: String(options.store) }),
        ...(options.metadata !== undefined && { metadata: checkMetadataRecord(options.metadata) }),
      };
      return restCall<LocalCopyResponse<FileInfo> | null>(this.client, 'POST', 'files/local_copy/', body);
    }).pipe(
      map((answer) => {
        // A malformed answer is the server's fault: an APIError, not the InvalidParamError of constructFrom.
        if (!isUuid(answer?.result?.uuid)) throw new APIError("files/local_copy/ answered without the copy's info", { body: answer });
        return File.constructFrom(answer.result, this.#client);
      }),
    );
  }

  #remoteCopy(source: string, options: RemoteCopyOptions): Observable<string> {
    return defer(() => {
      if (typeof options.target !== 'string' || options.target === '') {
        throw new InvalidParamError('target must be the name of a custom storage');
      }
      const body = {
        source,
        target: options.target,
        ...(options.makePublic !== undefined && { make_public: options.makePublic }),
        ...(options.pattern !== undefined && { pattern: options.pattern }),
      };
      return restCall<RemoteCopyResponse>(this.client, 'POST', 'files/remote_copy/', body);
    }).pipe(map((answer) => answer.result));
  }
}

/**
 * A File for `uuid` when it is a bare UUID, else null (a CDN URL is a valid reference, not a valid info uuid). The
 * constructor's parse is the only UUID check: constructFrom runs once per list entry.
 */
function fileOfExactUuid(uuid: unknown, client: UploadcareClient | undefined): File | null {
  if (typeof uuid !== 'string') return null;
  try {
    const file = new File(uuid, client);
    return file.uuid === uuid ? file : null;
  } catch {
    return null;
  }
}

/**
 * An upload from URL in progress, known by its token (`File.uploadFromUrl` makes one); its files are {@link File}s.
 * Defined here, beside File, since each makes the other. See {@link FromUrlUpload} for what it does.
 */
export class FileFromUrl extends FromUrlUpload<File> {
  /**
   * @param token the token `from_url/` answered.
   * @param client the client to use; default {@link defaultClient}, looked up at each use.
   */
  constructor(token: string, client?: UploadcareClient) {
    super(token, client);
  }

  /** An upload that was over before it started: the service already had the file (`check_URL_duplicates`). */
  static completed(info: UploadFileInfo, client?: UploadcareClient): FileFromUrl {
    return new FileFromUrl('completed', client).settleAsDuplicate(info);
  }

  protected makeFile(uuid: string, client: UploadcareClient | undefined): File {
    return new File(uuid, client);
  }
}
