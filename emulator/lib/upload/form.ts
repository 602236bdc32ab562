import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { HttpError, readBody } from '../http-util.js';
import { UploadApiError } from './errors.js';
import type { UploadLimits } from './limits.js';
import type { RequestParams } from './params.js';

/** A file part of a multipart form, as its bytes arrive. */
export interface FormFilePart {
  readonly field: string;
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly stream: AsyncIterable<Uint8Array>;
}

/** How {@link readForm} treats the parts of a form. */
export interface FormOptions<T> {
  /**
   * Consumes one file part; called as the part arrives, so the body streams through it.
   * Without it, file parts are refused.
   */
  readonly onFile?: (part: FormFilePart) => Promise<T>;
  /**
   * Called for each field once it joined the params (a key to check, say). Throwing refuses the form before its next
   * file part is read; the fields up to there still join the params (`jsonerrors` after the key, say).
   */
  readonly onField?: (name: string) => void;
}

/** What a parsed form yielded: the results of `onFile` for each file part, in order. */
export interface FormResult<T> {
  readonly files: T[];
}

/**
 * Reads a request body into `params` under `limits`: multipart forms (streaming file parts through `onFile`),
 * urlencoded forms, or nothing (bodiless requests carry their fields in the query).
 * A form that breaks a limit, or whose `onField`/`onFile` fails, is refused as soon as that happens: the rest of the
 * body is drained unread, so the answer can go out before the client finished sending. A failing form has still
 * waited for every `onFile` it started (their streams cut), so callers can clean up their results.
 */
export async function readForm<T>(
  req: IncomingMessage,
  params: RequestParams,
  limits: UploadLimits,
  options: FormOptions<T> = {},
): Promise<FormResult<T>> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return readMultipart(req, params, limits, options);
  const body = await readSmallBody(req, limits.formFieldBytes);
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const fields = [...new URLSearchParams(body.toString('utf8'))];
    if (fields.length > limits.formFields) throw new UploadApiError('RequestFiledsNumberLimitExceededError');
    for (const [name, value] of fields) params.add(name, value);
    for (const [name] of fields) options.onField?.(name);
  }
  return { files: [] };
}

async function readSmallBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  try {
    return await readBody(req, limit);
  } catch (error) {
    if (!(error instanceof HttpError && error.status === 413)) throw error;
    req.resume();
    throw new UploadApiError('RequestSizeLimitExceededError');
  }
}

function readMultipart<T>(req: IncomingMessage, params: RequestParams, limits: UploadLimits, options: FormOptions<T>): Promise<FormResult<T>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          fields: limits.formFields,
          fieldSize: limits.formFieldBytes,
          files: limits.formFiles,
          fileSize: Math.min(limits.directUploadBytes, limits.maxFileSize),
        },
      });
    } catch {
      reject(new UploadApiError('PostRequestParserFailedError'));
      return;
    }
    const pending: Promise<T>[] = [];
    const openFiles = new Set<Readable>();
    let fieldBytes = 0;
    let fileBytes = 0;
    let failure: unknown;
    /** What `onField` threw: the form ends at its next file part, or its end. */
    let refusal: unknown;
    let settled = false;

    const settle = (): void => {
      if (settled) return;
      settled = true;
      void Promise.allSettled(pending).then((outcomes) => {
        const files = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
        if (failure !== undefined) reject(new FormFailure(failure, files));
        else resolve({ files });
      });
    };
    // Stops reading at once: the parts being written fail (nothing half-written is kept), the rest is drained.
    const fail = (error: unknown): void => {
      if (failure !== undefined) return;
      failure = error;
      req.unpipe(parser);
      req.resume();
      for (const stream of openFiles) stream.destroy(error instanceof Error ? error : new Error(String(error)));
      settle();
    };

    parser.on('field', (name, value, info) => {
      if (failure !== undefined) return;
      fieldBytes += Buffer.byteLength(name) + Buffer.byteLength(value);
      if (info.nameTruncated || info.valueTruncated || fieldBytes > limits.formFieldBytes) {
        return fail(new UploadApiError('RequestSizeLimitExceededError'));
      }
      params.add(name, value);
      try {
        options.onField?.(name);
      } catch (error) {
        refusal ??= error;
      }
    });
    parser.on('fieldsLimit', () => fail(new UploadApiError('RequestFiledsNumberLimitExceededError')));
    parser.on('filesLimit', () => fail(new UploadApiError('RequestFileNumberLimitExceededError')));
    parser.on('file', (field, stream, info) => {
      if (refusal !== undefined) fail(refusal);
      if (!options.onFile) fail(new UploadApiError('PostRequestParserFailedError'));
      if (failure !== undefined || !options.onFile) return void stream.resume();
      openFiles.add(stream);
      stream.once('close', () => openFiles.delete(stream));
      stream.once('limit', () => fail(new UploadApiError('FileSizeLimitExceededError')));
      const counted = metered(stream, (bytes) => {
        fileBytes += bytes;
        if (fileBytes <= limits.directUploadBytes) return;
        const tooLarge = new UploadApiError('RequestSizeLimitExceededError');
        fail(tooLarge);
        throw tooLarge;
      });
      const result = options.onFile({ field, filename: info.filename, contentType: info.mimeType, stream: counted });
      result.catch((error: unknown) => {
        fail(error);
        stream.resume();
      });
      pending.push(result);
    });
    parser.on('close', () => {
      if (refusal !== undefined) fail(refusal);
      settle();
    });
    parser.on('error', () => fail(new UploadApiError('PostRequestParserFailedError')));
    // A client that goes away mid-body: fail the part being written so nothing half-written is kept.
    req.on('close', () => {
      if (req.complete) return;
      fail(new UploadApiError('PostRequestParserFailedError'));
      parser.destroy(new Error('Request aborted'));
    });
    req.pipe(parser);
  });
}

/** The file's bytes, each chunk counted by `count` (which may throw to cut the file) before it is passed on. */
async function* metered(stream: Readable, count: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    count(chunk.length);
    yield chunk;
  }
}

/** A form that failed after some file parts were consumed: `files` holds their results, for cleanup. */
export class FormFailure<T = unknown> extends Error {
  constructor(
    override readonly cause: unknown,
    readonly files: readonly T[],
  ) {
    super('Form parsing failed');
  }
}
