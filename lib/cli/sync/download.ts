import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Observable, switchMap } from 'rxjs';
import type { Uploadcare } from '../../client.js';

/**
 * Downloads `url` (a CDN read, through the client's timeout and retry rules) to `path`, creating its directory.
 * Bytes go to a temporary file beside `path`, renamed over it once complete: an interrupted or failed download never
 * leaves a partial file under the final name. Emits each chunk's size as it is written, then completes.
 * Unsubscribing stops the transfer and removes the temporary file.
 */
export function downloadTo(client: Uploadcare, url: string, path: string): Observable<number> {
  return client.request<Readable>({ method: 'GET', url, responseType: 'stream' }).pipe(
    switchMap(
      (response) =>
        new Observable<number>((subscriber) => {
          const body = response.body;
          const temporary = join(dirname(path), `.${basename(path)}.ucare-${process.pid}-${Math.random().toString(36).slice(2)}.part`);
          let finished = false;
          const counter = new Transform({
            transform(chunk: Buffer, _encoding, callback) {
              subscriber.next(chunk.length);
              callback(null, chunk);
            },
          });
          void (async () => {
            await mkdir(dirname(path), { recursive: true });
            await pipeline(body, counter, createWriteStream(temporary, { flags: 'wx' }));
            await rename(temporary, path);
          })().then(
            () => {
              finished = true;
              subscriber.complete();
            },
            async (error: unknown) => {
              finished = true;
              await rm(temporary, { force: true });
              subscriber.error(error);
            },
          );
          return () => {
            if (finished) return;
            body.destroy();
            counter.destroy();
            void rm(temporary, { force: true });
          };
        }),
    ),
  );
}
