import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { readBody } from '../http-util.js';
import { UploadApiError } from './errors.js';
import type { RequestParams } from './params.js';

/** A file part of a multipart form, as its stream arrives. */
export interface FormFilePart {
  readonly field: string;
  readonly filename: string | undefined;
  readonly contentType: string | undefined;
  readonly stream: Readable;
}

/** How {@link readForm} treats file parts. */
export interface FormOptions<T> {
  /**
   * Consumes one file part; called as the part arrives, so the body streams through it.
   * Without it, file parts are refused.
   */
  readonly onFile?: (part: FormFilePart) => Promise<T>;
  /** Largest file part in bytes; a larger one makes the form fail with `FileSizeLimitExceededError`. */
  readonly fileSizeLimit?: number;
}

/** What a parsed form yielded: the results of `onFile` for each file part, in order. */
export interface FormResult<T> {
  readonly files: T[];
  /** Files that were consumed but cut at `fileSizeLimit`. */
  readonly oversized: boolean;
}

/**
 * Reads a request body into `params`: multipart forms (streaming file parts through `onFile`),
 * urlencoded forms, or nothing (bodiless requests carry their fields in the query).
 * A failing form has still waited for every `onFile` it started, so callers can clean up their results.
 */
export async function readForm<T>(
  req: IncomingMessage,
  params: RequestParams,
  options: FormOptions<T> = {},
): Promise<FormResult<T>> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return readMultipart(req, params, options);
  const body = await readBody(req);
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(body.toString('utf8'))) params.add(name, value);
  }
  return { files: [], oversized: false };
}

function readMultipart<T>(req: IncomingMessage, params: RequestParams, options: FormOptions<T>): Promise<FormResult<T>> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { fileSize: options.fileSizeLimit ?? Infinity, fieldSize: 1024 * 1024 },
      });
    } catch {
      reject(new UploadApiError('PostRequestParserFailedError'));
      return;
    }
    const pending: Promise<T>[] = [];
    let oversized = false;
    let failure: unknown;

    parser.on('field', (name, value) => params.add(name, value));
    parser.on('file', (field, stream, info) => {
      stream.on('limit', () => {
        oversized = true;
      });
      if (!options.onFile) {
        failure ??= new UploadApiError('PostRequestParserFailedError');
        stream.resume();
        return;
      }
      const result = options.onFile({ field, filename: info.filename, contentType: info.mimeType, stream });
      // A consumer that fails early must not stall the parser: drain what it left.
      result.catch((error: unknown) => {
        failure ??= error;
        stream.resume();
      });
      pending.push(result);
    });
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      void Promise.allSettled(pending).then((settled) => {
        const files = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
        if (failure !== undefined) {
          reject(new FormFailure(failure, files));
        } else {
          resolve({ files, oversized });
        }
      });
    };
    parser.on('close', finish);
    parser.on('error', () => {
      failure ??= new UploadApiError('PostRequestParserFailedError');
      req.unpipe(parser);
      req.resume();
      finish();
    });
    // A client that goes away mid-body: fail the part being written so nothing half-written is kept.
    req.on('close', () => {
      if (req.complete) return;
      failure ??= new UploadApiError('PostRequestParserFailedError');
      parser.destroy(new Error('Request aborted'));
    });
    req.pipe(parser);
  });
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
