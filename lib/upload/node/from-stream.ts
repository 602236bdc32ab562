import type { Readable } from 'node:stream';
import { defer, map } from 'rxjs';
import { InvalidParamError, UploadError } from '../../errors.js';
import { checkDescription, opened, source, SOURCE_DESCRIPTION_KEYS, type SourceDescription, type UploadSource } from '../source.js';

/** A stream's size and, optionally, its name and type. */
export interface StreamDescription extends SourceDescription {
  /** Exact byte count the stream will yield. Required: the Upload API needs sizes up front. */
  readonly size: number;
}

/**
 * A Node Readable of known size as an upload source. Single use. Parts are read in order, each buffered only
 * while it is sent (at most `partConcurrency` parts in memory), so a retried part can be sent again.
 * A stream that ends early or yields more than `size` bytes fails the upload with an UploadError.
 */
export function fromStream(stream: Readable, given: StreamDescription): UploadSource {
  return source(() => {
    if (!stream || typeof (stream as { pipe?: unknown }).pipe !== 'function') throw new InvalidParamError('fromStream needs a Readable.');
    const description = given === undefined ? given : checkDescription(given, [...SOURCE_DESCRIPTION_KEYS, 'size']);
    if (!description || !Number.isSafeInteger(description.size) || description.size <= 0) {
      throw new InvalidParamError('fromStream needs the stream\'s exact size in bytes: fromStream(stream, { size }).');
    }
    const reader = new SequentialReader(stream, description.size);
    const read = (start: number, end: number) =>
      defer(() => reader.read(start, end)).pipe(map((bytes) => () => bytes));
    return opened(description.size, description, read, () => stream.destroy());
  });
}

/** Serves byte ranges of a stream strictly in order, each as its own Buffer. */
class SequentialReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private pending: Buffer = Buffer.alloc(0);
  private position = 0;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    stream: Readable,
    private readonly size: number,
  ) {
    this.chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  read(start: number, end: number): Promise<Buffer> {
    const result = this.tail.then(() => this.take(start, end));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async take(start: number, end: number): Promise<Buffer> {
    if (start !== this.position) throw new UploadError(`Stream read out of order: at byte ${this.position}, asked ${start}.`);
    const parts: Buffer[] = [];
    let need = end - start;
    while (need > 0) {
      if (this.pending.length === 0) {
        const next = await this.chunks.next();
        if (next.done) throw new UploadError(`The stream ended after ${this.position} bytes; ${this.size} were announced.`);
        this.pending = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      }
      const piece = this.pending.subarray(0, need);
      this.pending = this.pending.subarray(piece.length);
      parts.push(piece);
      need -= piece.length;
      this.position += piece.length;
    }
    if (this.position === this.size) await this.expectEnd();
    return parts.length === 1 ? Buffer.from(parts[0]!) : Buffer.concat(parts);
  }

  private async expectEnd(): Promise<void> {
    if (this.pending.length > 0 || !(await this.chunks.next()).done) {
      throw new UploadError(`The stream yields more than the ${this.size} bytes announced.`);
    }
  }
}
