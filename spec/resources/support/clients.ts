import { defer, type Observable, throwError } from 'rxjs';
import { Uploadcare } from '../../../lib/client.js';
import type { UploadcareOptions } from '../../../lib/config.js';
import { APIConnectionError } from '../../../lib/errors.js';
import type { HttpMethod, RequestOptions, UploadField, UploadFile } from '../../../lib/transport/types.js';
import { testEnv } from '../../support/test-env.js';

/** One call a {@link CountingClient} saw. */
export interface SeenCall {
  readonly api: 'rest' | 'upload';
  readonly method: HttpMethod;
  readonly path: string;
  readonly data: unknown;
}

/**
 * A real client on an emulator that records every REST and Upload API call when it is subscribed (that is, sent),
 * and can fail the next calls with a connection error before they reach the network.
 */
export class CountingClient extends Uploadcare {
  readonly calls: SeenCall[] = [];
  /** How many of the next calls fail with an APIConnectionError instead of being sent. */
  failNext = 0;

  override rest<T>(method: HttpMethod, path: string, data?: unknown, options?: RequestOptions): Observable<T> {
    return defer(() => {
      this.calls.push({ api: 'rest', method, path, data });
      return this.#failing<T>() ?? super.rest<T>(method, path, data, options);
    });
  }

  override upload<T>(
    method: HttpMethod,
    path: string,
    data?: Record<string, UploadField>,
    files?: Record<string, UploadFile>,
    options?: RequestOptions,
  ): Observable<T> {
    return defer(() => {
      this.calls.push({ api: 'upload', method, path, data });
      return this.#failing<T>() ?? super.upload<T>(method, path, data, files, options);
    });
  }

  #failing<T>(): Observable<T> | null {
    if (this.failNext <= 0) return null;
    this.failNext -= 1;
    return throwError(() => new APIConnectionError('Injected failure'));
  }
}

/** Options of a client for the demo project of the emulator at `url` (default: the suite's emulator). */
export function emulatorOptions(url: string = testEnv().emulatorUrl, overrides: UploadcareOptions = {}): UploadcareOptions {
  return {
    publicKey: 'demopublickey',
    secretKey: 'demosecretkey',
    restBase: `${url}/`,
    uploadBase: `${url}/`,
    cdnBase: `${url}/`,
    retry: { network: { maxRetries: 0 } },
    ...overrides,
  };
}

/** A counting client on the suite's emulator (or the one at `url`). */
export function countingClient(url?: string): CountingClient {
  return new CountingClient(emulatorOptions(url));
}
