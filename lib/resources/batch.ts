import { bufferCount, catchError, concatMap, defer, from, map, type Observable, type ObservableInput } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { restCall } from './rest-call.js';
import { clientOrDefault } from '../conf.js';
import { InvalidParamError } from '../errors.js';
import { File, primeFileInfo } from './file.js';
import { fromAnswer } from './from-answer.js';
import type { FileInfo } from './file-info.js';
import { parseFileReference } from './file-reference.js';
import { describeValue } from '../describe-value.js';

/** The most UUIDs REST v0.7 takes in one `files/storage/` request. */
export const BATCH_CHUNK_SIZE = 100;

/** What a batch operation did to one file: done (with the file's new info) or not (with the reason). */
export type BatchResult = BatchSuccess | BatchFailure;

/** A file the batch stored or deleted. */
export interface BatchSuccess {
  readonly ok: true;
  readonly uuid: string;
  /** The file, its cached info set to {@link info} (the File given, when one was). */
  readonly file: File;
  readonly info: FileInfo;
}

/** A file the batch could not store or delete. */
export interface BatchFailure {
  readonly ok: false;
  /** The UUID, or the input as given when it holds none. */
  readonly uuid: string;
  /** The server's `problems` entry (e.g. `Missing in the project`), or the message of the error. */
  readonly problem: string;
  /** The error, when the request for this file's chunk failed or the input was not a file reference. */
  readonly error?: unknown;
}

/** Files for a batch: File objects, UUIDs or CDN URLs, in an array, any iterable, a promise or an Observable. */
export type BatchInput = ObservableInput<File | string>;

interface BatchItem {
  readonly uuid: string;
  readonly file: File | null;
}

interface StorageResponse {
  readonly problems?: Readonly<Record<string, string>>;
  readonly result?: readonly FileInfo[] | null;
}

/**
 * Stores any number of files, 100 per request (`PUT files/storage/`), one request at a time, and emits one
 * {@link BatchResult} per input item, in input order. A file the server reports in `problems`, an input holding no
 * UUID, or a chunk whose request failed, gives a failure for those files only: the other results are kept.
 */
export function storeFiles(files: BatchInput, client?: UploadcareClient): Observable<BatchResult> {
  return runBatch('PUT', files, client);
}

/** Deletes any number of files, 100 per request (`DELETE files/storage/`); results as {@link storeFiles}. */
export function deleteFiles(files: BatchInput, client?: UploadcareClient): Observable<BatchResult> {
  return runBatch('DELETE', files, client);
}

function runBatch(method: 'PUT' | 'DELETE', files: BatchInput, client: UploadcareClient | undefined): Observable<BatchResult> {
  return defer(() => batchItems(files)).pipe(
    map((input) => toItem(input)),
    bufferCount(BATCH_CHUNK_SIZE),
    concatMap((chunk) => sendChunk(method, chunk, client)),
  );
}

/** The batch's items as an Observable; a string (one reference, not a list) or no ObservableInput is an InvalidParamError. */
function batchItems(files: BatchInput): Observable<File | string> {
  const notAList = (): InvalidParamError =>
    new InvalidParamError(`Files for a batch must be an array, an iterable, a promise or an Observable of Files and UUIDs, not ${describeValue(files)}`);
  if (typeof files === 'string') throw notAList();
  try {
    return from(files);
  } catch {
    throw notAList();
  }
}

function toItem(input: File | string): BatchItem | BatchFailure {
  if (input instanceof File) return { uuid: input.uuid, file: input };
  try {
    return { uuid: parseFileReference(input).uuid, file: null };
  } catch (error) {
    return { ok: false, uuid: typeof input === 'string' ? input : describeValue(input), problem: 'Invalid', error };
  }
}

function sendChunk(method: 'PUT' | 'DELETE', chunk: readonly (BatchItem | BatchFailure)[], client: UploadcareClient | undefined): Observable<BatchResult> {
  const items = chunk.filter((item): item is BatchItem => !('ok' in item));
  if (items.length === 0) return from(chunk as BatchFailure[]);
  const uuids = [...new Set(items.map((item) => item.uuid))];
  return defer(() => restCall<StorageResponse>(clientOrDefault(client), method, 'files/storage/', uuids)).pipe(
    map((answer) => {
      const infos = new Map((answer.result ?? []).map((info) => [info.uuid, info]));
      const problems = answer.problems ?? {};
      return chunk.map((item) => ('ok' in item ? item : outcome(item, infos.get(item.uuid), problems[item.uuid], client)));
    }),
    catchError((error: unknown) => {
      const problem = error instanceof Error ? error.message : String(error);
      return [chunk.map((item): BatchResult => ('ok' in item ? item : { ok: false, uuid: item.uuid, problem, error }))];
    }),
    concatMap((results) => from(results)),
  );
}

function outcome(item: BatchItem, info: FileInfo | undefined, problem: string | undefined, client: UploadcareClient | undefined): BatchResult {
  if (!info) return { ok: false, uuid: item.uuid, problem: problem ?? 'Not in the answer' };
  if (item.file) primeFileInfo(item.file, info);
  const file = item.file ?? fromAnswer('files/storage/ answered with a file that is not valid', info, () => File.constructFrom(info, client));
  return { ok: true, uuid: item.uuid, file, info };
}
