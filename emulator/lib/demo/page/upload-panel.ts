import { catchError, defer, EMPTY, filter, map, merge, mergeMap, type Observable, takeUntil, tap } from 'rxjs';
import { DEFAULT_UPLOAD_POLICY, isUploadComplete, uploadFile, type File as UploadcareFile, type Uploadcare, type UploadEvent } from 'rxuploadcare';
import { announce, clicks, describeError, droppedFiles, el, formatBytes, pickedFiles } from './dom.js';

/** The upload panel's elements. */
export interface UploadPanelElements {
  readonly dropZone: HTMLElement;
  readonly input: HTMLInputElement;
  readonly list: HTMLElement;
}

/**
 * Uploads every file dropped on the zone or picked in the input, each with its own row: a progress bar, the bytes sent,
 * and a Cancel button that unsubscribes (which aborts the requests in flight). Emits each uploaded file.
 */
export function uploadPanel(client: Uploadcare, { dropZone, input, list }: UploadPanelElements): Observable<UploadcareFile> {
  return merge(droppedFiles(dropZone), pickedFiles(input)).pipe(
    mergeMap((files) => files),
    mergeMap((file) => uploadWithRow(client, file, list)),
  );
}

function uploadWithRow(client: Uploadcare, file: File, list: HTMLElement): Observable<UploadcareFile> {
  return defer(() => {
    const row = new UploadRow(file);
    list.prepend(row.element);
    return uploadFile(file, {}, client).pipe(
      tap((event) => row.show(event)),
      filter(isUploadComplete<UploadcareFile>),
      map((event) => event.file),
      tap((uploaded) => row.done(uploaded)),
      takeUntil(clicks(row.cancelButton).pipe(tap(() => row.cancelled()))),
      catchError((error: unknown) => {
        row.failed(error);
        return EMPTY;
      }),
    );
  });
}

/** One file's row: name, size and method, progress bar, status line, Cancel button. */
class UploadRow {
  readonly element: HTMLLIElement;
  readonly cancelButton: HTMLButtonElement;
  readonly #bar: HTMLProgressElement;
  readonly #status: HTMLElement;

  constructor(readonly file: File) {
    const method = file.size >= DEFAULT_UPLOAD_POLICY.multipartThreshold ? 'multipart' : 'direct';
    this.cancelButton = el('button', { type: 'button', class: 'button small quiet', 'aria-label': `Cancel the upload of ${file.name}` }, 'Cancel');
    this.#bar = el('progress', { max: 100, value: 0, 'aria-label': `Upload progress of ${file.name}` });
    this.#status = el('p', { class: 'status' }, 'Starting…');
    this.element = el(
      'li',
      { class: 'upload', 'data-state': 'uploading', 'data-filename': file.name },
      el('div', { class: 'row-head' }, el('span', { class: 'name', title: file.name }, file.name), el('span', { class: `badge ${method}` }, method), this.cancelButton),
      this.#bar,
      this.#status,
    );
  }

  show(event: UploadEvent): void {
    if (event.type !== 'progress') return;
    const total = event.total ?? this.file.size;
    const percent = total > 0 ? Math.floor((event.done / total) * 100) : 100;
    this.#bar.value = percent;
    this.#status.textContent = `${percent}% · ${formatBytes(event.done)} of ${formatBytes(total)}`;
  }

  done(file: UploadcareFile): void {
    this.#bar.value = 100;
    this.#finish('done', 'Uploaded as ', el('a', { href: file.cdnUrl, target: '_blank', rel: 'noopener' }, file.uuid));
    announce(`${this.file.name} uploaded.`);
  }

  cancelled(): void {
    this.#finish('cancelled', 'Cancelled: the requests in flight were aborted.');
    announce(`Upload of ${this.file.name} cancelled.`);
  }

  failed(error: unknown): void {
    this.#finish('failed', `Failed: ${describeError(error)}`);
    announce(`Upload of ${this.file.name} failed.`);
  }

  #finish(state: string, ...status: (string | Node)[]): void {
    this.element.dataset['state'] = state;
    this.#status.replaceChildren(...status);
    this.cancelButton.remove();
  }
}
