import { AsyncLocalStorage } from 'node:async_hooks';

/** The state changes one request made: its last change's sequence number, and the write failure that undid them. */
export interface ChangeOwner {
  lastSeq: number;
  failure: unknown;
}

const owners = new AsyncLocalStorage<ChangeOwner>();

/** An owner that made no change yet. */
export function newOwner(): ChangeOwner {
  return { lastSeq: 0, failure: null };
}

/** Runs `work` with every store change it makes (its awaits included) counted as `owner`'s. */
export function runAsOwner<T>(owner: ChangeOwner, work: () => T): T {
  return owners.run(owner, work);
}

/** Whoever is making the change being recorded, if a request is. */
export function currentOwner(): ChangeOwner | undefined {
  return owners.getStore();
}
