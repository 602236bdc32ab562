/**
 * Sums the bytes sent over several slots (multipart parts, or the files of a group), keeping the total monotonic:
 * a slot that restarts (a retried part) does not move the sum back, and its re-sent bytes are not counted twice.
 */
export class ByteProgress {
  private readonly sent: number[];
  private sum = 0;

  constructor(
    private readonly sizes: readonly number[],
    private readonly onChange: (done: number) => void,
  ) {
    this.sent = sizes.map(() => 0);
  }

  /** Bytes sent so far over every slot. */
  get done(): number {
    return this.sum;
  }

  /** Slot `index` has sent `bytes` of its size in its current attempt. */
  update(index: number, bytes: number): void {
    const size = this.sizes[index] ?? 0;
    const clamped = Math.min(Math.max(0, bytes), size);
    const previous = this.sent[index] ?? 0;
    if (clamped <= previous) return;
    this.sent[index] = clamped;
    this.sum += clamped - previous;
    this.onChange(this.sum);
  }

  /** Slot `index` is fully sent. */
  finish(index: number): void {
    this.update(index, this.sizes[index] ?? 0);
  }
}

/**
 * Maps the bytes of a multipart form sent so far onto the file's bytes: the form adds a few hundred bytes of fields
 * around the file, so `sent` is scaled by `size / formTotal` when the form's size is known.
 */
export function fileBytesOfForm(sent: number, formTotal: number | null, size: number): number {
  if (formTotal && formTotal > 0) return Math.floor((Math.min(sent, formTotal) * size) / formTotal);
  return Math.min(sent, size);
}
