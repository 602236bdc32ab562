/**
 * The buffers a stream upload copies its parts into, handed back once a part is sent and reused for a later one: a
 * stream of any length then allocates about `partConcurrency` part-sized buffers in all, and the stream's own chunks
 * are let go as soon as they are copied (young garbage, cheap to collect), instead of each part being a fresh
 * allocation that lives as long as its request. Counts the bytes it holds, so that the bound can be checked.
 */
export class PartBuffers {
  #free: Buffer[] = [];
  #heldBytes = 0;
  #peakHeldBytes = 0;
  #allocatedBytes = 0;

  /** A buffer of at least `size` bytes, a free one when one is large enough. Give it back with {@link release}. */
  lease(size: number): Buffer {
    const index = this.#free.findIndex((buffer) => buffer.length >= size);
    const buffer = index >= 0 ? this.#free.splice(index, 1)[0]! : this.#allocate(size);
    this.#heldBytes += buffer.length;
    this.#peakHeldBytes = Math.max(this.#peakHeldBytes, this.#heldBytes);
    return buffer;
  }

  /** Takes back a leased buffer for reuse. */
  release(buffer: Buffer): void {
    this.#heldBytes -= buffer.length;
    this.#free.push(buffer);
  }

  /** Lets go of the free buffers (the upload ended). */
  clear(): void {
    this.#free = [];
  }

  /** Bytes in buffers leased and not yet released. */
  get heldBytes(): number {
    return this.#heldBytes;
  }

  /** The most bytes ever leased at once. */
  get peakHeldBytes(): number {
    return this.#peakHeldBytes;
  }

  /** Bytes of every buffer ever allocated. */
  get allocatedBytes(): number {
    return this.#allocatedBytes;
  }

  #allocate(size: number): Buffer {
    this.#allocatedBytes += size;
    // Not from Node's shared pool (parts are far larger), and not zero-filled: every byte is written before it is sent.
    return Buffer.allocUnsafeSlow(size);
  }
}
