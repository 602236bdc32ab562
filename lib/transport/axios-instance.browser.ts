import axios from 'axios';
import { axiosDefaults, type AxiosProvider } from './axios-defaults.js';

/**
 * What browser bundles get instead of axios-instance.ts (mapped by package.json's `browser` field): axios imported
 * with the library, since every browser request goes through it (a lazy import would make bundlers split it into a
 * chunk fetched on the first request).
 */
export function createAxiosInstance(userAgent: string | undefined): AxiosProvider {
  const instance = Promise.resolve(axios.create(axiosDefaults(userAgent)));
  return () => instance;
}
