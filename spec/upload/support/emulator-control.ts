import { Uploadcare } from '../../../lib/client.js';

// The emulator's loopback control API (/__emulator/...), over fetch so that specs run in Node and in Chromium alike.

/** One entry of the emulator's request log (the fields these specs read). */
export interface LoggedRequest {
  readonly id: number;
  readonly method: string;
  readonly path: string;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly status: number | null;
  readonly abortedByClient: boolean;
  readonly faults: readonly string[];
}

/** A client on the emulator at `base`, demo project. */
export function emulatorClient(base: string, options: { secretKey?: string | null; publicKey?: string } = {}): Uploadcare {
  return new Uploadcare({
    publicKey: options.publicKey ?? 'demopublickey',
    ...(options.secretKey !== null && { secretKey: options.secretKey ?? 'demosecretkey' }),
    restBase: base,
    uploadBase: base,
    cdnBase: base,
  });
}

/** The requests the emulator logged after request `sinceId`. */
export async function requestsSince(base: string, sinceId: number): Promise<LoggedRequest[]> {
  const answer = await fetch(`${base}/__emulator/requests?since=${sinceId}`);
  return ((await answer.json()) as { requests: LoggedRequest[] }).requests;
}

/** Id of the last logged request (0 when none): later requests have greater ids. */
export async function lastRequestId(base: string): Promise<number> {
  const requests = await requestsSince(base, 0);
  return requests.length === 0 ? 0 : requests[requests.length - 1]!.id;
}

/** Adds a fault rule; returns its id (for {@link removeFault}). */
export async function addFault(base: string, rule: Record<string, unknown>): Promise<string> {
  const answer = await fetch(`${base}/__emulator/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(rule),
  });
  if (answer.status !== 201) throw new Error(`fault rule refused: ${answer.status} ${await answer.text()}`);
  return ((await answer.json()) as { id: string }).id;
}

/** Removes a fault rule added by {@link addFault}. */
export async function removeFault(base: string, id: string): Promise<void> {
  await fetch(`${base}/__emulator/faults/${id}`, { method: 'DELETE' });
}

/** Resolves once the emulator has no request in flight (or after `attempts` checks). */
export async function settled(base: string, attempts = 100): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    const answer = await fetch(`${base}/__emulator/connections`);
    const { inFlight } = (await answer.json()) as { inFlight: number };
    if (inFlight === 0) return;
    await pause(50);
  }
}

/** Waits; for letting a cancelled operation prove it sends nothing more, never for timing assertions. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The bytes the CDN serves for a file. */
export async function cdnBytes(base: string, uuid: string): Promise<Uint8Array> {
  const answer = await fetch(`${base}/${uuid}/`);
  if (!answer.ok) throw new Error(`CDN answered ${answer.status} for ${uuid}`);
  return new Uint8Array(await answer.arrayBuffer());
}

/** Deterministic bytes of a given size (not all equal, so a misplaced part shows). */
export function patternBytes(size: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed;
  for (let i = 0; i < size; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** Makes the emulator's next conversion or add-on job end as `next` says (`{ outcome?, seconds?, error? }`). */
export async function queueNextJob(base: string, next: Readonly<Record<string, unknown>>): Promise<void> {
  const answer = await fetch(`${base}/__emulator/jobs/next`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(next) });
  if (answer.status !== 201) throw new Error(`job outcome refused: ${answer.status} ${await answer.text()}`);
}

/** The emulator's default job timing back, no outcome queued. */
export async function resetJobs(base: string): Promise<void> {
  await fetch(`${base}/__emulator/jobs`, { method: 'DELETE' });
}

/** How long the emulator's next jobs stay `pending` and `processing`, in seconds (until {@link resetJobs}). */
export async function setJobTiming(base: string, timing: { readonly pendingSeconds?: number; readonly processingSeconds?: number }): Promise<void> {
  const answer = await fetch(`${base}/__emulator/jobs`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(timing) });
  if (answer.status !== 200) throw new Error(`job timing refused: ${answer.status} ${await answer.text()}`);
}
