import { emulatorBase } from './emulator-client';

/** A request the emulator logged (the fields the specs read; the control API sends more). */
export interface LoggedRequest {
  readonly id: number;
  readonly method: string;
  readonly path: string;
  readonly abortedByClient: boolean;
}

/** A fault rule of the emulator's control API (docs/emulator.md, "Faults"). */
export interface FaultRule {
  readonly kind: 'latency' | 'slow-body' | 'throttle' | 'error' | 'drop';
  readonly pathPrefix?: string;
  readonly latencyMs?: number;
  readonly count?: number;
}

async function control(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${emulatorBase()}__emulator/${path}`, init);
  if (!response.ok) throw new Error(`The emulator's control API answered ${response.status} to ${path}`);
  return response;
}

/** The requests logged after the one numbered `since` (all with 0), oldest first. */
export async function requestsSince(since: number): Promise<readonly LoggedRequest[]> {
  const body = (await (await control(`requests?since=${since}`)).json()) as { requests: LoggedRequest[] };
  return body.requests;
}

/** The number of the last request logged: requests after it are what a spec caused. */
export async function lastRequestId(): Promise<number> {
  return (await requestsSince(0)).at(-1)?.id ?? 0;
}

export async function addFault(rule: FaultRule): Promise<void> {
  await control('faults', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rule) });
}

export async function clearFaults(): Promise<void> {
  await control('faults', { method: 'DELETE' });
}
