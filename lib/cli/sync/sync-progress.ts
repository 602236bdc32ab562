import type { ProgressBar } from '../output/progress-bar.js';

/** The totals of a sync, drawn as one progress line over all concurrent downloads. */
export class SyncProgress {
  private planned = 0;
  private plannedBytes: number | null = 0;
  private finished = 0;
  private bytes = 0;
  private listing = true;

  constructor(private readonly bar: ProgressBar) {}

  /** A file queued for download; `size` null when unknown (a rendition with effects). */
  plan(size: number | null): void {
    this.planned++;
    this.plannedBytes = this.plannedBytes === null || size === null ? null : this.plannedBytes + size;
    this.draw();
  }

  received(bytes: number): void {
    this.bytes += bytes;
    this.draw();
  }

  fileDone(): void {
    this.finished++;
    this.draw();
  }

  /** Every file is known: the total becomes final. */
  listed(): void {
    this.listing = false;
    this.draw();
  }

  private draw(): void {
    const label = `sync ${this.finished}/${this.planned}${this.listing ? '+' : ''} files`;
    this.bar.update(this.bytes, this.listing ? null : this.plannedBytes, label);
  }
}
