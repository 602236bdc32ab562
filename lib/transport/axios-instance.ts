import type { AxiosInstance } from 'axios';
import { axiosDefaults, type AxiosProvider } from './axios-defaults.js';

/**
 * The axios instance of one client, with axios loaded on the first request that needs it. In Node most requests go
 * through `node:http` (node-http.ts) and most processes never need axios, yet importing it loads about 70 modules
 * (form-data with mime-db, proxy agents, follow-redirects) and 5 MB of heap; V8 then finishes that work (compiling the
 * module loader's hot paths, collecting what loading left) during the first requests: 12-22 ms of CPU in the first
 * pages of a 10,000-file listing (bench/analysis.md). Browser bundles get axios-instance.browser.ts instead (package.json's `browser` field), which
 * imports axios at once: every browser request goes through it.
 */
export function createAxiosInstance(userAgent: string | undefined): AxiosProvider {
  let instance: Promise<AxiosInstance> | undefined;
  // The cast only bridges declarations: the type-check reads `import('axios')` from axios's ESM declarations and
  // `import type` from its CommonJS ones, which describe the same instance.
  const load = (): Promise<AxiosInstance> =>
    import('axios').then(({ default: axios }) => axios.create(axiosDefaults(userAgent)) as unknown as AxiosInstance);
  return () => (instance ??= load());
}
