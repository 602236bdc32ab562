import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { from, map, of } from 'rxjs';
import { InvalidParamError } from '../../errors.js';
import { opened, source, type SourceDescription, type UploadSource } from '../source.js';

/**
 * A file on disk as an upload source (Node only). The file is opened as a file-backed Blob: each part is read from
 * disk while it is sent, so memory stays bounded whatever the file size, and a retried part re-reads its range.
 * The file's name is its base name. Missing paths, directories and empty files are InvalidParamErrors before any request.
 */
export function fromPath(path: string, description: SourceDescription = {}): UploadSource {
  return source(() => {
    if (typeof path !== 'string' || path === '') throw new InvalidParamError('fromPath needs a file path.');
    return from(openFile(path)).pipe(
      map((blob) =>
        opened(
          blob.size,
          { name: description.name ?? basename(path), type: description.type },
          (start, end) => of(() => (start === 0 && end === blob.size ? blob : blob.slice(start, end))),
          () => undefined,
        ),
      ),
    );
  });
}

async function openFile(path: string): Promise<Blob> {
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    throw new InvalidParamError(`Cannot read ${JSON.stringify(path)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  if (stats.isDirectory()) throw new InvalidParamError(`${JSON.stringify(path)} is a directory, not a file.`);
  if (!stats.isFile()) throw new InvalidParamError(`${JSON.stringify(path)} is not a regular file.`);
  return openAsBlob(path);
}
