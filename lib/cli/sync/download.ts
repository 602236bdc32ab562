import { constants } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Observable, switchMap } from 'rxjs';
import type { Uploadcare } from '../../client.js';
import { directoriesBelow } from './directories-below.js';

/**
 * A new file only: fails if anything exists under the name, a symbolic link included (O_NOFOLLOW where the platform
 * has it).
 */
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * The temporary file's name: short and fixed in length, so that any legal final name (up to 255 bytes) has a legal
 * temporary name too; hidden, and never a name a pattern makes (those start with a UUID or come from the server).
 */
function temporaryName(): string {
  return `.ucare-${process.pid}-${Math.random().toString(36).slice(2, 10)}.part`;
}

/** Removes a temporary file, if it was created: never fails (there is nothing more to do when removal fails). */
function removeTemporary(path: string): Promise<void> {
  return rm(path, { force: true }).catch(() => undefined);
}

/**
 * Downloads `url` (a CDN read, through the client's timeout and retry rules) to `path`, below `root`, creating the
 * directories between them (see {@link directoriesBelow}: a symbolic link or a file among them is refused).
 * Bytes go to a temporary file beside `path`, renamed over it once complete: an interrupted or failed download never
 * leaves a partial file, under the final name or another. Emits each chunk's size as it is written, then completes;
 * any failure (network, disk, refused directory) is an error of the Observable, never an exception elsewhere.
 */
export function downloadTo(client: Uploadcare, url: string, root: string, path: string): Observable<number> {
  return client.request<Readable>({ method: 'GET', url, responseType: 'stream' }).pipe(
    switchMap(
      (response) =>
        new Observable<number>((subscriber) => {
          const body = response.body;
          const temporary = join(dirname(path), temporaryName());
          let finished = false;
          const counter = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              subscriber.next(chunk.length);
              callback(null, chunk);
            },
          });
          void (async () => {
            await directoriesBelow(root, dirname(path));
            const file = await open(temporary, CREATE_NEW);
            await pipeline(body, counter, file.createWriteStream());
            await rename(temporary, path);
          })().then(
            () => {
              finished = true;
              subscriber.complete();
            },
            async (error: unknown) => {
              finished = true;
              body.destroy();
              await removeTemporary(temporary);
              subscriber.error(error);
            },
          );
          return () => {
            if (finished) return;
            body.destroy();
            counter.destroy();
            void removeTemporary(temporary);
          };
        }),
    ),
  );
}
