import { defer, Observable, of } from 'rxjs';
import type { Readable } from 'node:stream';
import { InvalidParamError } from '../errors.js';
import { describeValue } from '../describe-value.js';
import { checkOptions, optionKeys } from '../options/check-options.js';

/**
 * One request body: a Buffer/Uint8Array, a Blob, or in Node a Readable of exactly the range's bytes (`fromPath` reads
 * each part as a file stream, piped into the request as it is sent).
 */
export type UploadBody = Uint8Array | Blob | Readable;

/** Makes a fresh body for each attempt, so that a retried part re-reads its bytes. */
export type BodyFactory = () => UploadBody;

/** A source ready to be read: its size and type, and a reader of byte ranges. */
export interface OpenedSource {
  /** Exact size in bytes (> 0). */
  readonly size: number;
  /** Name to give the file, when the source knows one. */
  readonly name?: string;
  /** MIME type, when the source knows one. */
  readonly type?: string;
  /**
   * Bytes `[start, end)` as a body factory. Sequential sources (streams) must be read in increasing order,
   * which the uploader does; random-access ones (buffers, blobs, files) in any order. The factory's bodies are valid
   * while the subscription lasts: a source may reuse their memory once unsubscribed, so it need not complete (the
   * uploader takes the first factory and unsubscribes when that range's request is over).
   */
  read(start: number, end: number): Observable<BodyFactory>;
  /** Releases what the source holds (open streams); called once the upload ends, however it ends. */
  close(): void;
}

/** Something an upload can read: build one with `fromBytes`, `fromBlob`, or in Node `fromPath` / `fromStream`. */
export interface UploadSource {
  readonly kind: 'rxuploadcare.upload-source';
  /** Opens the source: may do I/O (a `stat`), fails with InvalidParamError for bad sources, before any request. */
  open(): Observable<OpenedSource>;
}

/** Anything `upload()` accepts: bytes (Buffer is a Uint8Array), a Blob/File, or an {@link UploadSource}. */
export type UploadInput = Uint8Array | ArrayBuffer | Blob | UploadSource;

/** Names and types for in-memory sources. */
export interface SourceDescription {
  readonly name?: string;
  readonly type?: string;
}

/** Bytes in memory as a source. */
export function fromBytes(bytes: Uint8Array | ArrayBuffer, description: SourceDescription = {}): UploadSource {
  if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
    throw new InvalidParamError(`fromBytes needs a Uint8Array (or Buffer) or an ArrayBuffer, not ${describeValue(bytes)}.`);
  }
  checkDescription(description);
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return source(() =>
    opened(view.byteLength, description, (start, end) => of(() => sendableBytes(view, start, end)), () => undefined),
  );
}

/** A Blob (or a browser File, whose name and type are used) as a source. Read part by part, never whole. */
export function fromBlob(blob: Blob, description: SourceDescription = {}): UploadSource {
  if (typeof Blob === 'undefined' || !(blob instanceof Blob)) throw new InvalidParamError(`fromBlob needs a Blob or a File, not ${describeValue(blob)}.`);
  checkDescription(description);
  const name = description.name ?? (blob as { name?: unknown }).name;
  const type = description.type ?? (blob.type || undefined);
  return source(() =>
    opened(
      blob.size,
      { name: typeof name === 'string' && name !== '' ? name : undefined, type },
      (start, end) => of(() => (start === 0 && end === blob.size ? blob : blob.slice(start, end))),
      () => undefined,
    ),
  );
}

/** type/subtype, parameters allowed; no control characters (the type goes into a multipart header). */
// eslint-disable-next-line no-control-regex
const MIME_TYPE = /^[^\x00-\x1f\x7f/]+\/[^\x00-\x1f\x7f]+$/;

/** A {@link SourceDescription}: an object whose name and type, when given, are strings (the type a MIME type). */
/** The keys of {@link SourceDescription}. */
export const SOURCE_DESCRIPTION_KEYS = optionKeys<SourceDescription>({ name: true, type: true });

/** Checks a source's description (an object of `known` keys, a string name, a MIME type); returns it (`{}` for undefined). */
export function checkDescription<T extends SourceDescription>(description: T | undefined, known: readonly string[] = SOURCE_DESCRIPTION_KEYS): T {
  const checked = checkOptions('source description', description, known);
  const { name, type } = checked;
  if (name !== undefined && typeof name !== 'string') throw new InvalidParamError(`A source name must be a string, not ${describeValue(name)}.`);
  if (type !== undefined && (typeof type !== 'string' || !MIME_TYPE.test(type))) {
    throw new InvalidParamError(`A source type must be a MIME type like 'image/png', not ${describeValue(type)}.`);
  }
  return checked;
}

/** Turns any accepted input into a source; anything else (a stream of unknown size, ...) is an InvalidParamError. */
export function toUploadSource(input: UploadInput): UploadSource {
  if (isUploadSource(input)) return input;
  if (input instanceof Uint8Array || input instanceof ArrayBuffer) return fromBytes(input);
  if (typeof Blob !== 'undefined' && input instanceof Blob) return fromBlob(input);
  if (isStreamLike(input)) {
    throw new InvalidParamError('A stream of unknown size cannot be uploaded: use fromStream(stream, { size }) or fromPath(path).');
  }
  throw new InvalidParamError('Unsupported upload source: pass a Buffer/Uint8Array, a Blob/File, or fromPath()/fromStream().');
}

/** True for values made by the source helpers. */
export function isUploadSource(value: unknown): value is UploadSource {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'rxuploadcare.upload-source';
}

/** Builds an {@link UploadSource} from an opener; the opener runs at subscribe time, once per upload. */
export function source(openSource: () => OpenedSource | Observable<OpenedSource>): UploadSource {
  return {
    kind: 'rxuploadcare.upload-source',
    open: () =>
      defer(() => {
        const result = openSource();
        return result instanceof Observable ? result : of(result);
      }),
  };
}

/** Builds an {@link OpenedSource}, rejecting empty input. */
export function opened(
  size: number,
  description: SourceDescription,
  read: OpenedSource['read'],
  close: OpenedSource['close'],
): OpenedSource {
  if (!Number.isSafeInteger(size) || size < 0) throw new InvalidParamError(`Source size must be a byte count, got ${describeValue(size)}.`);
  if (size === 0) throw new InvalidParamError('Cannot upload an empty source (0 bytes).');
  return { size, name: description.name, type: description.type, read, close };
}

function isStreamLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { pipe?: unknown; getReader?: unknown; on?: unknown };
  return typeof candidate.getReader === 'function' || (typeof candidate.pipe === 'function' && typeof candidate.on === 'function');
}

interface BufferConstructorLike {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): Uint8Array;
  isBuffer(value: unknown): boolean;
}

/**
 * A slice the transport sends as exactly those bytes: axios sends a plain typed array's whole underlying buffer,
 * so in Node the slice becomes a Buffer view (no copy) and in browsers a Blob.
 */
function sendableBytes(view: Uint8Array, start: number, end: number): UploadBody {
  const NodeBuffer = (globalThis as { Buffer?: BufferConstructorLike }).Buffer;
  if (NodeBuffer) return NodeBuffer.from(view.buffer, view.byteOffset + start, end - start);
  return new Blob([view.subarray(start, end) as Uint8Array<ArrayBuffer>]);
}
