import type { LoggedRequest, ScriptedResponse } from '../support/script-server.js';
import { testEnv } from '../support/test-env.js';

// Scripting the script server from a spec, over HTTP (so it works in Chromium too).

/** The script server's base URL, ending in '/'. */
export function scriptBase(): string {
  return `${testEnv().scriptUrl}/`;
}

/** Forgets every queued answer and the log. */
export async function resetScript(): Promise<void> {
  await fetch(`${testEnv().scriptUrl}/__script/reset`, { method: 'POST' });
}

/** Queues answers for the next requests, in order. */
export async function enqueue(...answers: ScriptedResponse[]): Promise<void> {
  await fetch(`${testEnv().scriptUrl}/__script/enqueue`, { method: 'POST', body: JSON.stringify(answers) });
}

/** Every request the server received since the last reset. */
export async function requestLog(): Promise<LoggedRequest[]> {
  const response = await fetch(`${testEnv().scriptUrl}/__script/log`);
  return (await response.json()) as LoggedRequest[];
}

/** Polls the log until `predicate` holds (the server sees events asynchronously); fails after `limitMs`. */
export async function logWhere(predicate: (log: LoggedRequest[]) => boolean, limitMs = 5000): Promise<LoggedRequest[]> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const log = await requestLog();
    if (predicate(log)) return log;
    if (Date.now() > deadline) throw new Error(`The script server log never matched: ${JSON.stringify(log)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The echo the script server sends when no answer is queued. */
export interface Echo {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

/** Settles an Observable-derived promise into its error (fails when it succeeds). */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, got a success');
}
