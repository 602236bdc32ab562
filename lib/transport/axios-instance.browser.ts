import type { AxiosRequestConfig } from 'axios';
import xhrAdapter from 'axios/unsafe/adapters/xhr.js';
import type { AxiosProvider, AxiosRequester } from './axios-defaults.js';

/**
 * What browser bundles get instead of axios-instance.ts (mapped by package.json's `browser` field): axios's XHR adapter
 * called directly, the same adapter a full axios instance picks in a browser (it reports upload progress). The rest of
 * axios (its request pipeline, the fetch and Node adapters, form serialisers) does nothing here that the transport
 * does not already do itself (bodies ready to send, raw statuses, its own timeouts and retries), so the browser does
 * not download it: about 10 KB min+gzip of an upload bundle (docs/bundle-size.md).
 *
 * Imported with the library, since every browser request goes through it (a lazy import would make bundlers split it
 * into a chunk fetched on the first request).
 */
export function createAxiosInstance(): AxiosProvider {
  const requester = Promise.resolve<AxiosRequester>({ request: (config) => xhrAdapter(browserConfig(config)) });
  return () => requester;
}

/** The parts of the full pipeline's configuration the XHR adapter reads (see axiosDefaults for the Node side). */
function browserConfig(config: AxiosRequestConfig): AxiosRequestConfig {
  return { ...config, method: (config.method ?? 'get').toLowerCase(), timeout: 0, validateStatus: null };
}
