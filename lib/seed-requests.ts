import { defer, type Observable } from 'rxjs';
import { rest } from './core/rest.js';
import { defaultClient } from './conf.js';
import type { HttpMethod, UploadField, UploadFile } from './transport/types.js';

/**
 * pyuploadcare's `rest_request(verb, path, data)` over {@link defaultClient}: a signed REST call emitting the parsed
 * answer. `path` is relative to `conf.restBase` (no leading slash needed) or an absolute `next` URL, passed unchanged.
 * The client is chosen at subscribe time, so `conf` changes made before subscribing apply.
 */
export function restRequest(verb: HttpMethod, path: string, data?: unknown): Observable<unknown> {
  return defer(() => rest<unknown>(defaultClient(), verb, path, data));
}

/** pyuploadcare's `uploading_request(verb, path, data, files)` over {@link defaultClient}. */
export function uploadingRequest(
  verb: HttpMethod,
  path: string,
  data?: Readonly<Record<string, UploadField>>,
  files?: Readonly<Record<string, UploadFile>>,
): Observable<unknown> {
  return defer(() => defaultClient().upload<unknown>(verb, path, data, files));
}
