import { catchError, defer, EMPTY, filter, fromEvent, map, mergeMap, type Observable, switchMap, tap } from 'rxjs';
import { isUploadComplete, uploadFromUrl, type File as UploadcareFile, type FromUrlEvent, type Uploadcare } from 'rxuploadcare';
import { announce, describeError, el, formatBytes } from './dom.js';

/** The from-URL panel's elements. */
export interface FromUrlPanelElements {
  readonly form: HTMLFormElement;
  readonly input: HTMLInputElement;
  readonly list: HTMLElement;
}

/**
 * Asks the emulator to fetch each URL submitted, and shows the service's done/total ticks as they come (polling
 * `from_url/status/`). Emits each uploaded file.
 */
export function fromUrlPanel(client: Uploadcare, { form, input, list }: FromUrlPanelElements): Observable<UploadcareFile> {
  return fromEvent<SubmitEvent>(form, 'submit').pipe(
    tap((event) => event.preventDefault()),
    map(() => input.value.trim()),
    filter((url) => url !== ''),
    mergeMap((url) => fetchWithRow(client, url, list)),
  );
}

function fetchWithRow(client: Uploadcare, url: string, list: HTMLElement): Observable<UploadcareFile> {
  return defer(() => {
    const bar = el('progress', { max: 100, 'aria-label': `Fetch progress of ${url}` });
    const status = el('p', { class: 'status' }, 'Asking the service to fetch it…');
    const row = el('li', { class: 'upload', 'data-state': 'uploading' }, el('div', { class: 'row-head' }, el('span', { class: 'name', title: url }, url)), bar, status);
    list.prepend(row);
    const finish = (state: string, ...text: (string | Node)[]): void => {
      row.dataset['state'] = state;
      status.replaceChildren(...text);
      announce(`Upload from ${url}: ${state === 'done' ? 'done' : 'failed'}.`);
    };
    return uploadFromUrl(url, {}, client).pipe(
      switchMap((upload) => upload.wait({ timeout: 120 })),
      tap((event: FromUrlEvent) => {
        if (event.type !== 'progress') return;
        if (event.total) bar.value = Math.floor((event.done / event.total) * 100);
        status.textContent = `${event.status} · ${formatBytes(event.done)} of ${event.total === null ? 'unknown size' : formatBytes(event.total)}`;
      }),
      filter(isUploadComplete<UploadcareFile>),
      map((event) => event.file),
      tap((file) => {
        bar.value = 100;
        finish('done', 'Uploaded as ', el('a', { href: file.cdnUrl, target: '_blank', rel: 'noopener' }, file.uuid));
      }),
      catchError((error: unknown) => {
        finish('failed', `Failed: ${describeError(error)}`);
        return EMPTY;
      }),
    );
  });
}

