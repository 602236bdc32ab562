import { defaultIfEmpty, defer, forkJoin, map, type Observable, of, switchMap, tap } from 'rxjs';
import { FileList, type File as UploadcareFile, type UploadcareClient } from 'rxuploadcare';
import { fileTile, type FileTile } from './file-tile';

/**
 * The project's files, newest first, one page per call of {@link next}: a `FileList` limited to one page, starting
 * at the last file shown. Nothing is fetched ahead: an infinite scroll asks for a page when the user reaches the end.
 *
 * `until` is inclusive, so each page asks for one file more than it shows and drops the files already shown.
 */
export class FilePager {
  #until: string | null = null;
  #exhausted = false;
  readonly #shown = new Set<string>();

  constructor(
    private readonly client: UploadcareClient,
    readonly pageSize: number,
  ) {}

  /** True once a page came back short: there is nothing older. */
  get exhausted(): boolean {
    return this.#exhausted;
  }

  /** The next page's tiles (one REST request), or `[]` once exhausted. Cold: nothing is sent before subscribing. */
  next(): Observable<readonly FileTile[]> {
    return defer(() => {
      if (this.#exhausted) return of([]);
      const limit = this.pageSize + 1;
      const list = new FileList({ until: this.#until ?? new Date(), limit }, this.client);
      return list.pages().pipe(
        defaultIfEmpty([] as readonly UploadcareFile[]),
        tap((page) => (this.#exhausted = page.length < limit)),
        switchMap((page) => tilesOf(page.filter((file) => !this.#shown.has(file.uuid)).slice(0, this.pageSize))),
        tap((tiles) => this.#remember(tiles)),
      );
    });
  }

  #remember(tiles: readonly FileTile[]): void {
    for (const tile of tiles) this.#shown.add(tile.uuid);
    const last = tiles.at(-1);
    if (last) this.#until = last.uploaded;
  }
}

/** The files' tiles from their cached list entries (no request). */
function tilesOf(files: readonly UploadcareFile[]): Observable<readonly FileTile[]> {
  if (files.length === 0) return of([]);
  return forkJoin(files.map((file) => file.info().pipe(map((info) => fileTile(file, info)))));
}
