import type { NativeTransport } from './node-http.js';

/**
 * What browser bundles get instead of node-http.ts (mapped by package.json's `browser` field): no `node:http` path,
 * every request goes through axios's XHR adapter. Keeps the Node sender's code out of browser bundles.
 */
export function createNativeTransport(userAgent: string): NativeTransport | undefined {
  void userAgent;
  return undefined;
}
