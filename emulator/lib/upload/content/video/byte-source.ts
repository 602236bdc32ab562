/** Random access to a file's bytes, for readers whose headers may lie anywhere in it (an MP4's `moov` at its end). */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `start`: fewer at the end of the file, none past it. */
  read(start: number, length: number): Promise<Uint8Array>;
}

/** A source over bytes held in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: (start, length) => Promise.resolve(bytes.subarray(Math.min(start, bytes.length), Math.min(start + length, bytes.length))),
  };
}

/** A source that answers from `head` (the file's first bytes) when it can, else from `readRange`. */
export function headFirstSource(head: Uint8Array, size: number, readRange: (start: number, length: number) => Promise<Uint8Array>): ByteSource {
  return {
    size,
    read: (start, length) => {
      const wanted = Math.max(0, Math.min(length, size - start));
      if (wanted === 0) return Promise.resolve(new Uint8Array(0));
      if (start + wanted <= head.length) return Promise.resolve(head.subarray(start, start + wanted));
      return readRange(start, wanted);
    },
  };
}

/** A DataView over exactly `bytes`. */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** `length` bytes at `offset` as Latin-1 text; throws RangeError past the end, as DataView does. */
export function latin1(bytes: Uint8Array, offset: number, length: number): string {
  if (offset < 0 || offset + length > bytes.length) throw new RangeError('read past the end');
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}
