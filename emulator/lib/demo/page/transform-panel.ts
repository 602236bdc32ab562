import { combineLatest, debounceTime, from, fromEvent, map, merge, type Observable, startWith, switchMap, take, tap } from 'rxjs';
import type { File as UploadcareFile, Uploadcare } from 'rxuploadcare';
import { formatBytes } from './dom.js';
import { transformEffects, type TransformChoices } from './transform-url.js';

/** The transform panel's elements. */
export interface TransformPanelElements {
  readonly form: HTMLFormElement;
  readonly source: HTMLElement;
  readonly link: HTMLAnchorElement;
  readonly result: HTMLImageElement;
  readonly status: HTMLElement;
}

/**
 * The image picked last (`picks`, a file row's Transform button) through the operations the form chooses: the panel
 * shows the CDN URL they make and the image the emulator's CDN renders for it, with its size, type and bytes (or the
 * CDN's 400 message when it refuses the chain).
 */
export function transformPanel(client: Uploadcare, elements: TransformPanelElements, picks: Observable<UploadcareFile>): Observable<unknown> {
  const choices = merge(fromEvent(elements.form, 'input'), fromEvent(elements.form, 'change')).pipe(
    startWith(null),
    map(() => readChoices(elements.form)),
  );
  return combineLatest([picks.pipe(tap((file) => (elements.source.textContent = `Image ${file.uuid}`))), choices]).pipe(
    debounceTime(150),
    switchMap(([file, chosen]) => {
      const url = `${client.options.cdnBase}${file.cdnPath(transformEffects(chosen))}`;
      elements.link.href = url;
      elements.link.textContent = url;
      elements.status.textContent = 'Rendering…';
      elements.result.src = url;
      const shown = fromEvent(elements.result, 'load').pipe(switchMap(() => from(describe(url, elements.result))));
      const refused = fromEvent(elements.result, 'error').pipe(switchMap(() => from(refusal(url))));
      return merge(shown, refused).pipe(
        take(1),
        tap((text) => (elements.status.textContent = text)),
      );
    }),
  );
}

/** `HTTP 400: Bad Request: ...`: why the CDN did not make an image. */
async function refusal(url: string): Promise<string> {
  const response = await fetch(url);
  return `HTTP ${response.status}: ${await response.text()}`;
}

/** `300×200 · image/webp · 12.3 KB`: what the CDN made. */
async function describe(url: string, image: HTMLImageElement): Promise<string> {
  const response = await fetch(url, { method: 'HEAD' });
  const type = response.headers.get('Content-Type') ?? '?';
  const length = Number(response.headers.get('Content-Length') ?? 0);
  return `${image.naturalWidth}×${image.naturalHeight} · ${type} · ${formatBytes(length)}`;
}

function readChoices(form: HTMLFormElement): TransformChoices {
  const data = new FormData(form);
  const text = (name: string): string => String(data.get(name) ?? '');
  return {
    sizing: text('sizing') as TransformChoices['sizing'],
    width: Number(text('width')) || 1,
    height: Number(text('height')) || 1,
    rotate: Number(text('rotate')),
    format: text('format') as TransformChoices['format'],
    quality: text('quality') as TransformChoices['quality'],
    effects: data.getAll('effect').map(String) as unknown as TransformChoices['effects'],
  };
}
