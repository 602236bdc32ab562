import { catchError, EMPTY, exhaustMap, filter, finalize, first, map, merge, mergeMap, type Observable, of, switchMap, tap } from 'rxjs';
import { File as UploadcareFile, FileGroup, paginate, type FileInfo, type ListPage, type Uploadcare } from 'rxuploadcare';
import { clicks, describeError, el, formatBytes, inView } from './dom.js';

/** Files per REST request: small, so that scrolling shows the pages coming. */
export const PAGE_SIZE = 12;

/** The file browser's elements. */
export interface FileBrowserElements {
  readonly list: HTMLElement;
  /** Below the list: comes into view when more files are wanted, and tells how the listing goes. */
  readonly sentinel: HTMLElement;
  readonly refreshButton: HTMLButtonElement;
  readonly groupButton: HTMLButtonElement;
  readonly selectionCount: HTMLElement;
  readonly groupResult: HTMLElement;
}

/**
 * The project's files, newest first, as an endless list: each page is fetched once the end of the list is in view
 * (`paginate` follows the `next` links, one request at a time, only when asked). Each file has
 * Store and Delete buttons and, when it is an image, a CDN thumbnail and a Transform button (which hands it to
 * `transform`); selected files make a group. `refresh` lists anew.
 */
export function fileBrowser(client: Uploadcare, elements: FileBrowserElements, refresh: Observable<unknown>, transform: (file: UploadcareFile) => void): Observable<unknown> {
  const selection = new Selection(elements);
  const listings = merge(of(null), refresh, clicks(elements.refreshButton)).pipe(
    switchMap(() => {
      elements.list.replaceChildren();
      selection.clear();
      return filesOnDemand(client, elements.sentinel).pipe(mergeMap((file) => fileRow(file, elements.list, selection, transform)));
    }),
  );
  return merge(listings, createGroups(client, selection, elements));
}

/** The files of every page, each page fetched once the sentinel is seen in view (after the previous page is laid out). */
function filesOnDemand(client: Uploadcare, sentinel: HTMLElement): Observable<UploadcareFile> {
  const query = new URLSearchParams({ removed: 'false', limit: String(PAGE_SIZE), ordering: '-datetime_uploaded' });
  let shown = 0;
  const say = (state: string, text: string): void => {
    sentinel.dataset['state'] = state;
    sentinel.textContent = text;
  };
  say('loading', 'Loading files…');
  const fetchPage = (url: string): Observable<ListPage<FileInfo>> =>
    // A new observer reports the sentinel as laid out now, not as it was before the last page was added.
    inView(sentinel).pipe(
      first(Boolean),
      tap(() => say('loading', 'Loading more files…')),
      switchMap(() => client.rest<ListPage<FileInfo>>('GET', url)),
    );
  return paginate(`files/?${query}`, fetchPage, (page) => page.next).pipe(
    tap((page) => {
      shown += page.results.length;
      say(page.next ? 'more' : 'end', page.next ? `${shown} of ${page.total ?? '?'} files: scroll for more` : shown === 0 ? 'No files yet: upload some.' : `All ${shown} files shown.`);
    }),
    mergeMap((page) => page.results.map((info) => UploadcareFile.constructFrom(info, client))),
    catchError((error: unknown) => {
      say('failed', `Listing failed: ${describeError(error)}`);
      return EMPTY;
    }),
  );
}

/** Appends a file's row and runs its buttons until the list is refreshed. */
function fileRow(file: UploadcareFile, list: HTMLElement, selection: Selection, transform: (file: UploadcareFile) => void): Observable<unknown> {
  return file.info().pipe(
    switchMap((info) => {
      const name = info.original_filename;
      const checkbox = el('input', { type: 'checkbox', 'aria-label': `Select ${name}` });
      const storeButton = el('button', { type: 'button', class: 'button small', disabled: info.datetime_stored !== null, 'aria-label': `Store ${name}` }, 'Store');
      const deleteButton = el('button', { type: 'button', class: 'button small danger', 'aria-label': `Delete ${name}` }, 'Delete');
      const transformButton = info.is_image ? el('button', { type: 'button', class: 'button small', 'aria-label': `Transform ${name}` }, 'Transform') : null;
      const storedBadge = el('span', { class: `badge ${info.datetime_stored ? 'stored' : 'temporary'}` }, info.datetime_stored ? 'stored' : 'temporary');
      const message = el('p', { class: 'status', role: 'status' });
      const preview = previewOf(file, info);
      const row = el(
        'li',
        { class: 'file', 'data-uuid': file.uuid, 'data-filename': name },
        preview,
        el(
          'div',
          { class: 'file-body' },
          el('label', { class: 'file-name' }, checkbox, el('span', { title: name }, name)),
          el('p', { class: 'meta' }, `${formatBytes(info.size)} · ${info.mime_type} · `, el('a', { href: file.cdnUrl, target: '_blank', rel: 'noopener' }, 'CDN'), ' ', storedBadge),
          el('div', { class: 'actions' }, storeButton, deleteButton, transformButton),
          message,
        ),
      );
      list.append(row);
      const failed = (error: unknown): Observable<never> => {
        message.textContent = describeError(error);
        return EMPTY;
      };
      const storing = clicks(storeButton).pipe(
        exhaustMap(() => {
          storeButton.disabled = true;
          return file.store().pipe(
            tap(() => {
              storedBadge.className = 'badge stored';
              storedBadge.textContent = 'stored';
            }),
            catchError((error: unknown) => {
              storeButton.disabled = false;
              return failed(error);
            }),
          );
        }),
      );
      const deleting = clicks(deleteButton).pipe(
        exhaustMap(() => {
          deleteButton.disabled = true;
          return file.delete().pipe(
            tap(() => {
              selection.toggle(file, false);
              row.remove();
            }),
            catchError((error: unknown) => {
              deleteButton.disabled = false;
              return failed(error);
            }),
          );
        }),
      );
      const selecting = clicks(checkbox).pipe(tap(() => selection.toggle(file, checkbox.checked)));
      const transforming = transformButton ? clicks(transformButton).pipe(tap(() => transform(file))) : EMPTY;
      return merge(storing, deleting, selecting, transforming).pipe(finalize(() => selection.toggle(file, false)));
    }),
  );
}

/** Groups the selected files on each click of the group button, and shows the group's CDN URL. */
function createGroups(client: Uploadcare, selection: Selection, { groupButton, groupResult }: FileBrowserElements): Observable<unknown> {
  return clicks(groupButton).pipe(
    map(() => selection.files()),
    filter((files) => files.length > 0),
    exhaustMap((files) => {
      groupButton.disabled = true;
      groupResult.textContent = `Creating a group of ${files.length} files…`;
      return FileGroup.create(files, client).pipe(
        tap((group) =>
          groupResult.replaceChildren(`Group of ${group.length} files: `, el('a', { href: group.cdnUrl, target: '_blank', rel: 'noopener' }, group.id)),
        ),
        catchError((error: unknown) => {
          groupResult.textContent = `Group failed: ${describeError(error)}`;
          return EMPTY;
        }),
        finalize(() => selection.refresh()),
      );
    }),
  );
}

/** The files ticked, in the order they were ticked; keeps the count and the group button up to date. */
class Selection {
  readonly #files = new Map<string, UploadcareFile>();

  constructor(private readonly elements: Pick<FileBrowserElements, 'groupButton' | 'selectionCount'>) {
    this.refresh();
  }

  toggle(file: UploadcareFile, selected: boolean): void {
    if (selected) this.#files.set(file.uuid, file);
    else this.#files.delete(file.uuid);
    this.refresh();
  }

  clear(): void {
    this.#files.clear();
    this.refresh();
  }

  files(): UploadcareFile[] {
    return [...this.#files.values()];
  }

  refresh(): void {
    const count = this.#files.size;
    this.elements.selectionCount.textContent = count === 0 ? 'Tick files to group them.' : `${count} selected`;
    this.elements.groupButton.disabled = count === 0;
  }
}

/**
 * A CDN thumbnail of an image, made by the CDN (`-/preview/160x160/-/format/auto/`: WebP or AVIF where the browser
 * takes them), an original for other browser-drawable images (e.g. SVG), else the file's extension.
 */
function previewOf(file: UploadcareFile, info: FileInfo): HTMLElement {
  const name = info.original_filename;
  const src = info.is_image ? `${file.client.options.cdnBase}${file.cdnPath('preview/160x160/-/format/auto/')}` : info.mime_type.startsWith('image/') ? file.cdnUrl : null;
  if (src) return el('img', { class: 'preview', src, alt: `Preview of ${name}`, loading: 'lazy' });
  return el('span', { class: 'preview placeholder', 'aria-hidden': 'true' }, extensionOf(name, info.mime_type));
}

function extensionOf(name: string, mimeType: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : (mimeType.split('/')[1] ?? 'file');
  return extension.slice(0, 4).toUpperCase();
}
