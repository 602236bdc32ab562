// The Angular service of docs/lists.md without its decorator, so that it runs here without Angular installed
// (spec/resources/docs-examples.spec.ts). In an app, add `@Injectable({ providedIn: 'root' })` and inject `Uploadcare`.
import { BehaviorSubject, type Observable, scan, shareReplay, startWith, switchMap } from 'rxjs';
import { type File, FileList, type FileListOptions, type Uploadcare } from '../../../lib/index.js';

export class FilesService {
  private readonly filters$ = new BehaviorSubject<FileListOptions>({ stored: true, limit: 100 });

  /**
   * The files matching the current filters: [] at first, then growing page by page. A new filter restarts the listing
   * (the page in flight is aborted); the last unsubscriber stops it.
   */
  readonly files$: Observable<readonly File[]> = this.filters$.pipe(
    switchMap((filters) =>
      new FileList(filters, this.uc).pages().pipe(
        scan((all, page) => [...all, ...page], [] as readonly File[]),
        startWith([] as readonly File[]),
      ),
    ),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  constructor(private readonly uc: Uploadcare) {}

  filter(options: FileListOptions): void {
    this.filters$.next(options);
  }
}
