import type { AxiosRequestConfig, AxiosResponse, CreateAxiosDefaults } from 'axios';
import { version } from '../version.js';
import { runningInNode } from './environment.js';

/** What the transport asks of axios: one request, answered whatever its status (see axiosDefaults). */
export interface AxiosRequester {
  request(config: AxiosRequestConfig): Promise<AxiosResponse>;
}

/** A client's axios requester, made on first use (see axios-instance.ts). */
export type AxiosProvider = () => Promise<AxiosRequester>;

/**
 * The configuration of a client's axios instance. Browsers get the XHR adapter (it reports upload progress), Node the
 * http adapter with `maxRedirects: 0`: the redirect-following wrapper would buffer streamed bodies in memory.
 * Statuses, bodies and errors are left raw: the transport maps them itself.
 */
export function axiosDefaults(userAgent: string | undefined): CreateAxiosDefaults {
  return {
    adapter: ['xhr', 'http', 'fetch'],
    maxRedirects: 0,
    maxBodyLength: Infinity,
    // -1, not Infinity: any other value makes axios hand a streamed answer over wrapped in an async generator, which
    // cannot be destroyed while the server stalls (the socket stayed open, a stopped download never let Node exit).
    maxContentLength: -1,
    validateStatus: () => true,
    transformRequest: [(data: unknown) => data],
    transformResponse: [(data: unknown) => data],
    headers: runningInNode() ? { 'User-Agent': userAgentString(userAgent) } : {},
  };
}

/** `rxuploadcare/<version>` plus the application's own part, if any. */
export function userAgentString(extension: string | undefined): string {
  return extension ? `rxuploadcare/${version} ${extension}` : `rxuploadcare/${version}`;
}
