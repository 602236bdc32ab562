import type { Endpoint, Task, TaskKind } from './protocol.js';

/** The task of kind `K`. */
export type TaskOf<K extends TaskKind> = Extract<Task, { readonly kind: K }>;

/**
 * Prepares one task (untimed: inputs, clients) and returns the timed work, which resolves to the units of work done
 * (items listed, files uploaded, calls answered) so the orchestrator can check the side really did it.
 */
export type TaskRunner<K extends TaskKind> = (endpoint: Endpoint, task: TaskOf<K>) => Promise<() => Promise<number>>;

/** How one side does every task. */
export type SideRunners = { readonly [K in TaskKind]: TaskRunner<K> };
