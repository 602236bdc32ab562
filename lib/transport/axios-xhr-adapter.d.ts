// axios exports its adapters under `axios/unsafe/*` without declarations of their own.
declare module 'axios/unsafe/adapters/xhr.js' {
  import type { AxiosRequestConfig, AxiosResponse } from 'axios';
  /** axios's XHR adapter; `false` where XMLHttpRequest does not exist. */
  const xhrAdapter: (config: AxiosRequestConfig) => Promise<AxiosResponse>;
  export default xhrAdapter;
}
