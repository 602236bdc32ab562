import type { Readable, Transform, TransformCallback } from 'node:stream';
import { nodeBuiltin } from './node-builtins.js';

type StreamModule = typeof import('node:stream');

/**
 * `body` (a streamed answer, a Node Readable) behind a watchdog: when its reader waits `idleMs` for bytes that do not come, the stream is
 * destroyed with `timeout()`. The clock runs only while the reader asks for data, so a slow reader (a full disk, a
 * paused pipe) is not the server's stall. Destroying the returned stream (a reader that leaves, an unsubscribe)
 * destroys `body` too, which closes its socket. Anything else, anything outside Node, or `idleMs` 0: `body`
 * is returned as it is.
 */
export function watchIdleBody<T>(body: T, idleMs: number, timeout: () => Error): T {
  const stream = nodeBuiltin<StreamModule>('node:stream');
  if (!stream || idleMs <= 0 || !(body instanceof stream.Readable)) return body;
  const watched = new (idleWatch(stream))(idleMs, timeout);
  stream.pipeline(body as Readable, watched, () => undefined);
  return watched as T;
}

/** setTimeout fires at once for delays above 2^31 - 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface IdleWatchClass {
  new (idleMs: number, timeout: () => Error): Transform;
}

let idleWatchClass: IdleWatchClass | undefined;

/** The watchdog stream class, made once from Node's Transform (reached only in Node: see node-builtins.ts). */
function idleWatch(stream: StreamModule): IdleWatchClass {
  idleWatchClass ??= class IdleWatch extends stream.Transform {
    #timer: ReturnType<typeof setTimeout> | undefined;

    constructor(
      private readonly idleMs: number,
      private readonly timeout: () => Error,
    ) {
      super();
    }

    override _read(size: number): void {
      // The reader wants bytes: from now on, waiting is the server's.
      if (this.#timer === undefined) this.#timer = setTimeout(() => this.destroy(this.timeout()), Math.min(this.idleMs, MAX_TIMER_MS));
      super._read(size);
    }

    override _transform(chunk: unknown, _encoding: BufferEncoding, callback: TransformCallback): void {
      this.#disarm();
      callback(null, chunk);
    }

    override _flush(callback: TransformCallback): void {
      this.#disarm();
      callback();
    }

    override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
      this.#disarm();
      callback(error);
    }

    #disarm(): void {
      clearTimeout(this.#timer);
      this.#timer = undefined;
    }
  };
  return idleWatchClass;
}
