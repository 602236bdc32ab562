import type { Readable } from 'node:stream';
import { from, Observable } from 'rxjs';
import { InvalidParamError, UploadError } from '../../errors.js';
import { checkDescription, opened, source, SOURCE_DESCRIPTION_KEYS, type BodyFactory, type SourceDescription, type UploadSource } from '../source.js';
import { PartBuffers } from './part-buffers.js';

/** A stream's size and, optionally, its name and type. */
export interface StreamDescription extends SourceDescription {
  /** Exact byte count the stream will yield. Required: the Upload API needs sizes up front. */
  readonly size: number;
}

/**
 * A Node Readable of known size as an upload source. Single use. Parts are read in order, each copied into a buffer
 * that is held only while the part is sent (so that a retried part can be sent again) and then reused for a later
 * part: at most `partConcurrency` parts in memory, and the stream is not read further while they are all in flight.
 * A stream that ends early or yields more than `size` bytes fails the upload with an UploadError.
 */
export function fromStream(stream: Readable, given: StreamDescription): UploadSource {
  return streamSource(stream, given, new PartBuffers());
}

/** {@link fromStream} with the part buffers given (a spec counts the bytes they hold). */
export function streamSource(stream: Readable, given: StreamDescription, buffers: PartBuffers): UploadSource {
  return source(() => {
    if (!stream || typeof (stream as { pipe?: unknown }).pipe !== 'function') throw new InvalidParamError('fromStream needs a Readable.');
    const description = given === undefined ? given : checkDescription(given, [...SOURCE_DESCRIPTION_KEYS, 'size']);
    if (!description || !Number.isSafeInteger(description.size) || description.size <= 0) {
      throw new InvalidParamError('fromStream needs the stream\'s exact size in bytes: fromStream(stream, { size }).');
    }
    const reader = new SequentialReader(stream, description.size);
    // The part's buffer goes back to the pool when the reader of the part unsubscribes (its request is over).
    const read = (start: number, end: number) =>
      new Observable<BodyFactory>((subscriber) => {
        const buffer = buffers.lease(end - start);
        let over = false;
        const reading = reader.read(start, end, buffer).finally(() => (over = true));
        const subscription = from(reading).subscribe({
          next: (bytes) => subscriber.next(() => bytes),
          error: (error: unknown) => subscriber.error(error),
        });
        return () => {
          subscription.unsubscribe();
          // At once when the read is over (the next part may lease it right away); a read still under way writes
          // into the buffer, which then goes back once that read is over.
          const release = () => buffers.release(buffer);
          if (over) release();
          else void reading.then(release, release);
        };
      });
    return opened(description.size, description, read, () => {
      stream.destroy();
      buffers.clear();
    });
  });
}

/** Serves byte ranges of a stream strictly in order, each copied into the buffer given. */
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

  /** Bytes [start, end) in `into` (from its start); resolves to the view of them. */
  read(start: number, end: number, into: Buffer): Promise<Buffer> {
    const result = this.tail.then(() => this.take(start, end, into));
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async take(start: number, end: number, into: Buffer): Promise<Buffer> {
    if (start !== this.position) throw new UploadError(`Stream read out of order: at byte ${this.position}, asked ${start}.`);
    let filled = 0;
    while (filled < end - start) {
      if (this.pending.length === 0) {
        const next = await this.chunks.next();
        if (next.done) throw new UploadError(`The stream ended after ${this.position} bytes; ${this.size} were announced.`);
        this.pending = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      }
      const copied = this.pending.copy(into, filled, 0, Math.min(this.pending.length, end - start - filled));
      this.pending = this.pending.subarray(copied);
      filled += copied;
      this.position += copied;
    }
    if (this.position === this.size) await this.expectEnd();
    return into.subarray(0, filled);
  }

  private async expectEnd(): Promise<void> {
    if (this.pending.length > 0 || !(await this.chunks.next()).done) {
      throw new UploadError(`The stream yields more than the ${this.size} bytes announced.`);
    }
  }
}
