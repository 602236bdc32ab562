/**
 * A Node built-in module (`node:crypto`, `node:http`, ...) when running in Node >= 20.16, else undefined. Reached
 * through `process.getBuiltinModule` so that isomorphic modules import nothing Node-only and browser bundles stay
 * free of it; callers fall back to their portable path (WebCrypto, js-md5, axios) when it is undefined.
 */
export function nodeBuiltin<T>(id: `node:${string}`): T | undefined {
  const scope = globalThis as { process?: { versions?: { node?: string }; getBuiltinModule?: (id: string) => unknown } };
  const processObject = scope.process;
  if (typeof processObject?.versions?.node !== 'string' || typeof processObject.getBuiltinModule !== 'function') return undefined;
  return (processObject.getBuiltinModule(id) as T | undefined) ?? undefined;
}
