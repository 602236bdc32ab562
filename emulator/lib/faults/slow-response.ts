import type { ServerResponse } from 'node:http';

const TICK_MS = 50;

type Callback = (error?: Error | null) => void;

interface Pending {
  chunk: Buffer;
  readonly callback?: Callback;
}

/**
 * Makes `res` send its body no faster than `bytesPerSecond`: writes are queued and released in small slices every
 * tick, with `write()` returning false and `'drain'` emitted as a real slow socket would, so piped sources keep their
 * backpressure and nothing but the queued slices is held in memory.
 */
export function paceResponse(res: ServerResponse, bytesPerSecond: number): void {
  const write = res.write.bind(res) as (chunk: Buffer) => boolean;
  const end = res.end.bind(res) as (callback?: () => void) => ServerResponse;
  const perTick = Math.max(1, Math.round((bytesPerSecond * TICK_MS) / 1000));
  const queue: Pending[] = [];
  let ending: { callback?: () => void } | null = null;
  let timer: NodeJS.Timeout | undefined;
  let waitingForDrain = false;

  const schedule = (): void => {
    timer ??= setTimeout(pump, TICK_MS);
  };
  const pump = (): void => {
    timer = undefined;
    if (res.destroyed) return;
    let budget = perTick;
    while (budget > 0 && queue.length > 0) {
      const head = queue[0] as Pending;
      const slice = head.chunk.subarray(0, budget);
      write(slice);
      budget -= slice.length;
      if (slice.length === head.chunk.length) {
        queue.shift();
        head.callback?.();
      } else {
        head.chunk = head.chunk.subarray(slice.length);
      }
    }
    if (queue.length > 0) return schedule();
    if (ending) {
      end(ending.callback);
      return;
    }
    if (waitingForDrain) {
      waitingForDrain = false;
      res.emit('drain');
    }
  };
  res.once('close', () => clearTimeout(timer));

  res.write = ((chunk: unknown, encodingOrCallback?: unknown, callback?: unknown): boolean => {
    const encoding = typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : undefined;
    const done = (typeof encodingOrCallback === 'function' ? encodingOrCallback : callback) as Callback | undefined;
    if (!res.headersSent) res.flushHeaders();
    queue.push({ chunk: toBuffer(chunk, encoding), ...(done ? { callback: done } : {}) });
    schedule();
    waitingForDrain = true;
    return false;
  }) as typeof res.write;

  res.end = ((chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown): ServerResponse => {
    let done = callback as (() => void) | undefined;
    if (typeof chunk === 'function') {
      done = chunk as () => void;
      chunk = undefined;
    } else if (typeof encodingOrCallback === 'function') {
      done = encodingOrCallback as () => void;
    }
    const encoding = typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : undefined;
    if (chunk !== undefined && chunk !== null) {
      const body = toBuffer(chunk, encoding);
      if (!res.headersSent && !res.hasHeader('Content-Length') && !res.hasHeader('Transfer-Encoding')) {
        res.setHeader('Content-Length', body.length);
      }
      if (!res.headersSent) res.flushHeaders();
      queue.push({ chunk: body });
    }
    ending = done ? { callback: done } : {};
    if (queue.length === 0 && !timer) end(done);
    else schedule();
    return res;
  }) as typeof res.end;
}

function toBuffer(chunk: unknown, encoding: BufferEncoding | undefined): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError('A response chunk must be a string or bytes.');
}
