import { HttpEventType, type HttpEvent } from '@angular/common/http';
import { signal } from '@angular/core';
import type { Observable, Subscription } from 'rxjs';
import type { File as UploadcareFile } from 'rxuploadcare';
import { percentOf } from '../uploadcare/http-events';

export type UploadState = 'uploading' | 'done' | 'cancelled' | 'failed';

let nextRowId = 0;

/** One file being uploaded: its bar, its state, and its subscription, which cancel() ends (aborting the requests). */
export class UploadRow {
  readonly id = ++nextRowId;
  readonly percent = signal(0);
  readonly state = signal<UploadState>('uploading');
  readonly file = signal<UploadcareFile | null>(null);
  readonly error = signal<string | null>(null);
  readonly #subscription: Subscription;

  constructor(
    readonly name: string,
    readonly size: number,
    events: Observable<HttpEvent<UploadcareFile>>,
  ) {
    this.#subscription = events.subscribe({
      next: (event) => {
        this.percent.set(percentOf(event));
        if (event.type === HttpEventType.Response) this.file.set(event.body);
      },
      complete: () => this.state.set('done'),
      error: (error: unknown) => {
        this.error.set(error instanceof Error ? error.message : String(error));
        this.state.set('failed');
      },
    });
  }

  /** Aborts the upload in flight: rxuploadcare closes its requests and sends nothing more. */
  cancel(): void {
    if (this.state() !== 'uploading') return;
    this.#subscription.unsubscribe();
    this.state.set('cancelled');
  }
}
