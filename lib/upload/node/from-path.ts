import { createReadStream, type ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { from, map, of } from 'rxjs';
import { InvalidParamError, UploadError } from '../../errors.js';
import { checkDescription, opened, source, type SourceDescription, type UploadSource } from '../source.js';

/**
 * A file on disk as an upload source (Node only). Each part is a read stream of its byte range, piped into the
 * request while it is sent, so memory stays bounded whatever the file size, and a retried part re-reads its range.
 * The file's name is its base name. Missing paths, directories and empty files are InvalidParamErrors before any request.
 */
export function fromPath(path: string, given?: SourceDescription): UploadSource {
  return source(() => {
    if (typeof path !== 'string' || path === '') throw new InvalidParamError('fromPath needs a file path.');
    const description = checkDescription(given);
    return from(fileSize(path)).pipe(
      map((size) =>
        opened(size, { name: description.name ?? basename(path), type: description.type }, (start, end) => of(() => rangeStream(path, start, end)), () => undefined),
      ),
    );
  });
}

/** Bytes [start, end) of the file; a file cut shorter since it was opened fails the stream with an UploadError. */
function rangeStream(path: string, start: number, end: number): ReadStream {
  const stream = createReadStream(path, { start, end: end - 1, highWaterMark: 64 * 1024 });
  // The end of a short range becomes an error instead of an 'end' (a reader would otherwise take it as complete).
  const push = stream.push.bind(stream);
  stream.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (chunk !== null || stream.bytesRead >= end - start) return push(chunk, encoding);
    stream.destroy(new UploadError(`${JSON.stringify(path)} is shorter than when the upload began (${stream.bytesRead} of ${end - start} bytes at ${start}).`));
    return false;
  };
  return stream;
}

async function fileSize(path: string): Promise<number> {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    throw new InvalidParamError(`Cannot read ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  if (stats.isDirectory()) throw new InvalidParamError(`${JSON.stringify(path)} is a directory, not a file.`);
  if (!stats.isFile()) throw new InvalidParamError(`${JSON.stringify(path)} is not a regular file.`);
  return stats.size;
}
