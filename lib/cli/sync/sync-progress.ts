import type { ProgressBar } from '../output/progress-bar.js';

/**
 * The totals of a sync, drawn as one progress line over all concurrent downloads. The total is shown (and with it a
 * percentage) only once it is final: the listing has ended and every file it found is decided (planned for download
 * or skipped). Until then the line shows files and bytes without a percentage, so the percentage never runs
 * backwards as more files are found.
 */
export class SyncProgress {
  private found = 0;
  private decided = 0;
  private planned = 0;
  private plannedBytes: number | null = 0;
  private finished = 0;
  private bytes = 0;
  private listing = true;

  constructor(private readonly bar: ProgressBar) {}

  /** The listing found a file; {@link plan} or {@link skip} decides it. */
  find(): void {
    this.found++;
    this.draw();
  }

  /** A found file queued for download; `size` null when unknown (a rendition with effects). */
  plan(size: number | null): void {
    this.decided++;
    this.planned++;
    this.plannedBytes = this.plannedBytes === null || size === null ? null : this.plannedBytes + size;
    this.draw();
  }

  /** A found file that will not be downloaded. */
  skip(): void {
    this.decided++;
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

  /** The listing has ended: no file will be found any more. */
  listed(): void {
    this.listing = false;
    this.draw();
  }

  private draw(): void {
    const final = !this.listing && this.decided === this.found;
    const label = `sync ${this.finished}/${this.planned}${final ? '' : '+'} files`;
    this.bar.update(this.bytes, final ? this.plannedBytes : null, label);
  }
}
