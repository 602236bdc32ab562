/**
 * True in Node (and Node-like runtimes), false in browsers and workers. Decides the REST date header (browsers may
 * not set `Date`) and whether a `User-Agent` can be sent.
 */
export function runningInNode(): boolean {
  const scope = globalThis as { process?: { versions?: { node?: string } } };
  return typeof scope.process?.versions?.node === 'string';
}
