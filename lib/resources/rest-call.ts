import type { Observable } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { rest } from '../core/rest.js';
import type { HttpMethod, RequestOptions } from '../transport/types.js';

/** A client that has REST as a method: an {@link Uploadcare}, or a subclass overriding it to watch or alter calls. */
interface RestMethod {
  rest<T>(method: HttpMethod, path: string, data?: unknown, callOptions?: RequestOptions): Observable<T>;
}

/**
 * A REST call of a seed class: through the client's own `rest` method when it has one, so that a subclass of
 * Uploadcare overriding `rest` sees every call the resources make (as it did when `rest` was only a method), else
 * through the core {@link rest} function (a bare UploadcareClient).
 */
export function restCall<T>(client: UploadcareClient, method: HttpMethod, path: string, data?: unknown): Observable<T> {
  const withMethod = client as UploadcareClient & Partial<RestMethod>;
  return typeof withMethod.rest === 'function' ? withMethod.rest<T>(method, path, data) : rest<T>(client, method, path, data);
}
