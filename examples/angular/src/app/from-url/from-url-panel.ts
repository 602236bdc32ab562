import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, signal } from '@angular/core';
import type { Subscription } from 'rxjs';
import type { FromUrlEvent } from 'rxuploadcare';
import { UploadcareService } from '../uploadcare/uploadcare.service';

/** Has the service fetch a URL, showing each `done / total` tick of its download, then the file. */
@Component({
  selector: 'app-from-url-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './from-url-panel.html',
  styleUrl: './from-url-panel.css',
})
export class FromUrlPanel {
  private readonly uploadcare = inject(UploadcareService);
  /** The URL the field starts with. */
  readonly sourceUrl = input('');
  protected readonly last = signal<FromUrlEvent | null>(null);
  protected readonly ticks = signal(0);
  protected readonly error = signal<string | null>(null);
  #subscription: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.#subscription?.unsubscribe());
  }

  /** Starts an upload from `url`; one already running is aborted. */
  protected fetch(url: string): void {
    this.#subscription?.unsubscribe();
    this.last.set(null);
    this.ticks.set(0);
    this.error.set(null);
    this.#subscription = this.uploadcare.fromUrl(url.trim()).subscribe({
      next: (event) => {
        this.last.set(event);
        if (event.type === 'progress') this.ticks.update((n) => n + 1);
      },
      error: (error: unknown) => this.error.set(error instanceof Error ? error.message : String(error)),
    });
  }
}
