import { AsyncLocalStorage } from 'node:async_hooks';
import diagnosticsChannel from 'node:diagnostics_channel';

/** What the tracker knows about one operation. */
export interface TrackedOperation {
  readonly id: number;
  /** HTTP requests the operation started. */
  requests: number;
  /** Set once the spec unsubscribed: any request started after that is a late one. */
  cancelled: boolean;
  /** Requests started after unsubscribe (must stay 0). */
  lateRequests: number;
  /** Called after each request the operation starts, with the count so far. */
  onRequest?: (requests: number) => void;
}

/**
 * Attributes every outgoing Node HTTP request to the operation whose subscribe started it: the subscribe runs inside
 * an AsyncLocalStorage context, which follows every timer, promise and callback of the operation, and Node announces
 * each request on the `http.client.request.start` diagnostics channel synchronously, inside that context.
 */
export class RequestTracker {
  readonly #context = new AsyncLocalStorage<TrackedOperation>();
  readonly #listener = (): void => {
    const operation = this.#context.getStore();
    if (!operation) return;
    operation.requests++;
    if (operation.cancelled) operation.lateRequests++;
    operation.onRequest?.(operation.requests);
  };

  constructor() {
    diagnosticsChannel.subscribe('http.client.request.start', this.#listener);
  }

  /** Runs `start` (which subscribes) as operation `id`. */
  run<T>(id: number, start: () => T): { operation: TrackedOperation; result: T } {
    const operation: TrackedOperation = { id, requests: 0, cancelled: false, lateRequests: 0 };
    return { operation, result: this.#context.run(operation, start) };
  }

  dispose(): void {
    diagnosticsChannel.unsubscribe('http.client.request.start', this.#listener);
  }
}
