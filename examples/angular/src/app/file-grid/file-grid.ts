import { DatePipe } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { Subscription } from 'rxjs';
import { ImageTransformation } from 'rxuploadcare';
import { fileTile, type FileTile } from '../uploadcare/file-tile';
import type { FilePager } from '../uploadcare/file-pager';
import { ResponsiveImage } from '../uploadcare/responsive-image';
import { UploadcareService } from '../uploadcare/uploadcare.service';

/**
 * The thumbnails' operations before each `srcset` width: the format the browser takes best (AVIF, WebP, else JPEG or
 * PNG, picked by the CDN from `Accept`) at a quality chosen from the image's content.
 */
export const THUMBNAIL = new ImageTransformation().format('auto').quality('smart');
/** The `srcset` widths: a column of the grid (file-grid.css) is 183 CSS pixels wide in the full page, 332 at most. */
export const THUMBNAIL_WIDTHS: readonly number[] = [200, 400, 800];

/**
 * The project's files as an infinitely scrolling grid of CDN thumbnails: a page is requested when the end of the grid
 * scrolls into view, one at a time, none ahead. Files uploaded meanwhile appear first.
 */
@Component({
  selector: 'app-file-grid',
  imports: [DatePipe, ResponsiveImage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './file-grid.html',
  styleUrl: './file-grid.css',
})
export class FileGrid {
  private readonly uploadcare = inject(UploadcareService);
  protected readonly thumbnail = THUMBNAIL;
  protected readonly thumbnailWidths = THUMBNAIL_WIDTHS;
  /** Files per page. */
  readonly pageSize = input(24);
  protected readonly tiles = signal<readonly FileTile[]>([]);
  protected readonly loading = signal(false);
  protected readonly exhausted = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly end = viewChild.required<ElementRef<HTMLElement>>('end');
  #pager: FilePager | null = null;
  #page: Subscription | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.uploadcare.completed$.pipe(takeUntilDestroyed()).subscribe((file) => {
      file.info().subscribe((info) => this.tiles.update((tiles) => [fileTile(file, info), ...tiles]));
    });
    afterNextRender(() => {
      const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && this.loadPage());
      observer.observe(this.end().nativeElement);
      destroyRef.onDestroy(() => {
        observer.disconnect();
        this.#page?.unsubscribe();
      });
    });
  }

  /** Requests the next page, unless one is in flight or there is none. */
  protected loadPage(): void {
    if (this.loading() || this.exhausted()) return;
    const pager = (this.#pager ??= this.uploadcare.pager(this.pageSize()));
    this.loading.set(true);
    this.#page = pager.next().subscribe({
      next: (tiles) => this.tiles.update((shown) => [...shown, ...tiles]),
      error: (error: unknown) => {
        this.error.set(error instanceof Error ? error.message : String(error));
        this.loading.set(false);
      },
      complete: () => {
        this.loading.set(false);
        this.exhausted.set(pager.exhausted);
      },
    });
  }
}
