// Runnable example of docs/uploads.md (spec/upload/docs-examples.node.spec.ts runs it against the emulator).
// In an application, import from 'rxuploadcare' instead of the library's sources.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { from, map, mergeMap, type Observable, scan, switchMap } from 'rxjs';
import { File, fromPath, toFile, type Uploadcare } from '../../../lib/node.js';

/** Where a directory upload stands: files done so far, and the last one uploaded. */
export interface DirectoryProgress {
  readonly uploaded: number;
  readonly last: { readonly name: string; readonly cdnUrl: string } | null;
}

/**
 * Uploads every regular file of `dir`, four at a time (each one multipart-streamed from disk when large, so memory
 * stays bounded), emitting the running count. Unsubscribe to cancel every upload in flight.
 */
export function uploadDirectory(uc: Uploadcare, dir: string): Observable<DirectoryProgress> {
  return from(readdir(dir, { withFileTypes: true })).pipe(
    switchMap((entries) => from(entries.filter((entry) => entry.isFile()))),
    mergeMap(
      (entry) =>
        File.upload(fromPath(join(dir, entry.name)), { store: true }, uc).pipe(
          toFile(),
          map((file) => ({ name: entry.name, cdnUrl: file.cdnUrl })),
        ),
      4,
    ),
    scan<DirectoryProgress['last'], DirectoryProgress>((state, last) => ({ uploaded: state.uploaded + 1, last }), { uploaded: 0, last: null }),
  );
}
