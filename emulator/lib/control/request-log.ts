import type { FaultKind } from '../faults/rules.js';

/** One request the emulator received, as tests observe it. */
export interface LoggedRequest {
  /** Increasing number, in arrival order. */
  readonly id: number;
  readonly method: string;
  /** Path and query, as sent. */
  readonly url: string;
  readonly path: string;
  /** Epoch milliseconds when the request arrived. */
  readonly startedAt: number;
  /** Epoch milliseconds when the answer was complete or the connection closed; null while in flight. */
  endedAt: number | null;
  /** Status of the answer; null while none was sent, and for dropped connections. */
  status: number | null;
  /** True when the client closed the connection before the answer was complete. */
  abortedByClient: boolean;
  /** True when the emulator destroyed the connection on purpose (a drop fault, an error mid-answer, close()). */
  droppedByServer: boolean;
  /** Kinds of the fault rules that acted on this request, in rule order. */
  faults: readonly FaultKind[];
  /** The `Retry-After` seconds of a throttled (429 fault) answer; null for any other request. */
  retryAfterSeconds: number | null;
}

/** Default number of requests a log keeps; the oldest are forgotten first. */
export const DEFAULT_REQUEST_LOG_LIMIT = 10_000;

/** The emulator's record of the requests it served (its control API paths excepted), oldest first. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private nextId = 1;
  private open = 0;

  constructor(private readonly limit = DEFAULT_REQUEST_LOG_LIMIT) {}

  /** Starts an entry; the server fills in its outcome as the request proceeds. */
  start(method: string, url: string, path: string): LoggedRequest {
    const entry: LoggedRequest = {
      id: this.nextId++,
      method,
      url,
      path,
      startedAt: Date.now(),
      endedAt: null,
      status: null,
      abortedByClient: false,
      droppedByServer: false,
      faults: [],
      retryAfterSeconds: null,
    };
    this.entries.push(entry);
    this.open++;
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
    return entry;
  }

  /** Records the end of a request: its status (null when no answer was started) and who cut it, if anyone did. */
  end(entry: LoggedRequest, outcome: Pick<LoggedRequest, 'status'> & Partial<Pick<LoggedRequest, 'abortedByClient' | 'droppedByServer'>>): void {
    if (entry.endedAt !== null) return;
    entry.endedAt = Date.now();
    entry.status = outcome.status;
    if (outcome.abortedByClient) entry.abortedByClient = true;
    if (outcome.droppedByServer) entry.droppedByServer = true;
    this.open--;
  }

  /** Copies of the entries, oldest first; with `sinceId`, only those after it. */
  list(sinceId = 0): LoggedRequest[] {
    return this.entries.filter((entry) => entry.id > sinceId).map((entry) => ({ ...entry }));
  }

  /** Requests without an end yet (those forgotten by {@link reset} included). */
  inFlight(): number {
    return this.open;
  }

  /** Forgets every entry (ids keep increasing). */
  reset(): void {
    this.entries = [];
  }
}
