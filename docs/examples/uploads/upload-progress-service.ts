// The Angular service of docs/uploads.md without its decorator, so that it runs here without Angular installed
// (spec/upload/docs-examples.node.spec.ts). In an app, add `@Injectable({ providedIn: 'root' })` and inject `Uploadcare`.
import { map, type Observable } from 'rxjs';
import { File, type UploadEvent, type Uploadcare } from '../../../lib/index.js';

/** What a template binds to: a percentage while sending, then the file's CDN URL. */
export interface UploadState {
  readonly percent: number;
  readonly cdnUrl: string | null;
}

export class UploadService {
  constructor(private readonly uc: Uploadcare) {}

  /** Uploads a picked file (`input.files[0]`, a Blob) and maps its events to the state of a progress bar. */
  upload(picked: Blob): Observable<UploadState> {
    return File.upload(picked, { store: 'auto' }, this.uc).pipe(
      map((event: UploadEvent) =>
        event.type === 'progress'
          ? { percent: event.total ? Math.round((100 * event.done) / event.total) : 0, cdnUrl: null }
          : { percent: 100, cdnUrl: event.file.cdnUrl },
      ),
    );
  }
}
