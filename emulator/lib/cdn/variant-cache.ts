/** How much the CDN keeps of the variants it rendered. */
export interface VariantCacheLimits {
  /** Bytes of all entries together. Default 64 MiB. */
  readonly maxBytes: number;
  /** Entries. Default 1000 (a page of thumbnails is a few dozen). */
  readonly maxEntries: number;
}

export const DEFAULT_VARIANT_CACHE_LIMITS: VariantCacheLimits = { maxBytes: 64 * 1024 * 1024, maxEntries: 1000 };

/**
 * Rendered variants by key (the file, its effects, and the negotiated format), least recently used dropped first
 * once either bound is passed; an entry larger than the whole byte bound is not kept. Renders of one key that are in
 * flight together are done once: a page asking for the same thumbnail twice waits for the first.
 */
export class VariantCache<V> {
  readonly #entries = new Map<string, { readonly value: V; readonly bytes: number }>();
  readonly #inFlight = new Map<string, Promise<V>>();
  #bytes = 0;

  constructor(
    private readonly limits: VariantCacheLimits,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The cached value, else what `render` makes (then cached). */
  get(key: string, render: () => Promise<V>): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit) {
      this.#entries.delete(key);
      this.#entries.set(key, hit); // most recently used last
      return Promise.resolve(hit.value);
    }
    const pending = this.#inFlight.get(key);
    if (pending) return pending;
    const rendering = render().then(
      (value) => {
        this.#inFlight.delete(key);
        this.#keep(key, value);
        return value;
      },
      (error: unknown) => {
        this.#inFlight.delete(key);
        throw error;
      },
    );
    this.#inFlight.set(key, rendering);
    return rendering;
  }

  /** Entries and bytes kept now. */
  get size(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.#entries.size, bytes: this.#bytes };
  }

  #keep(key: string, value: V): void {
    const bytes = this.sizeOf(value);
    if (bytes > this.limits.maxBytes) return;
    this.#entries.set(key, { value, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.limits.maxBytes && this.#entries.size <= this.limits.maxEntries) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }
}
