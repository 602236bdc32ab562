import { fromEvent, map, Observable } from 'rxjs';

type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;
type Child = Node | string | null | undefined | false;

/** Creates an element: `el('button', { type: 'button', class: 'danger' }, 'Delete')`. False/undefined attributes are left out. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** The element with this id, of the expected type; the page's HTML is fixed, so a missing one is a bug. */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`The demo page has no #${id}`);
  return element;
}

/** Clicks on an element as an Observable. */
export function clicks(element: HTMLElement): Observable<MouseEvent> {
  return fromEvent<MouseEvent>(element, 'click');
}

/** True while `element` is in (or near) the viewport: the "load more" sentinel of an endless list. */
export function inView(element: Element, rootMargin = '200px'): Observable<boolean> {
  return new Observable<boolean>((subscriber) => {
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) subscriber.next(entry.isIntersecting);
    }, { rootMargin });
    observer.observe(element);
    return () => observer.disconnect();
  });
}

/** Files dropped on `zone` (which is highlighted while something is dragged over it). */
export function droppedFiles(zone: HTMLElement): Observable<readonly File[]> {
  const over = (event: DragEvent): void => {
    event.preventDefault();
    zone.classList.add('dragging');
  };
  const leave = (): void => zone.classList.remove('dragging');
  zone.addEventListener('dragenter', over);
  zone.addEventListener('dragover', over);
  zone.addEventListener('dragleave', leave);
  return fromEvent<DragEvent>(zone, 'drop').pipe(
    map((event) => {
      event.preventDefault();
      leave();
      return [...(event.dataTransfer?.files ?? [])];
    }),
  );
}

/** Files picked in a file input; the input is cleared so that picking the same file again uploads it again. */
export function pickedFiles(input: HTMLInputElement): Observable<readonly File[]> {
  return fromEvent(input, 'change').pipe(
    map(() => {
      const files = [...(input.files ?? [])];
      input.value = '';
      return files;
    }),
  );
}

/**
 * Tells screen readers an outcome ("x uploaded") through the page's one polite live region, so that progress ticks,
 * which the bars already convey, are not read out one by one.
 */
export function announce(text: string): void {
  const region = document.getElementById('announcer');
  if (region) region.textContent = text;
}

/** `1.5 MB`-style sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A short description of an error for the page: the message, and the HTTP status when there is one. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return typeof status === 'number' ? `${error.message} (HTTP ${status})` : error.message;
  }
  return String(error);
}
