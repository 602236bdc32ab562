import { HttpEventType, HttpResponse, type HttpEvent } from '@angular/common/http';
import type { File as UploadcareFile, UploadEvent } from 'rxuploadcare';

/**
 * rxuploadcare's upload events as Angular `HttpEvent`s, so that code written for `HttpClient` uploads works unchanged:
 * `{ type: 'progress', done, total }` is an `UploadProgress` event, `{ type: 'complete', file }` a `Response`.
 */
export function toHttpEvent(event: UploadEvent): HttpEvent<UploadcareFile> {
  if (event.type === 'progress') {
    return { type: HttpEventType.UploadProgress, loaded: event.done, ...(event.total !== null && { total: event.total }) };
  }
  return new HttpResponse({ body: event.file, status: 200, statusText: 'OK', url: event.file.cdnUrl });
}

/**
 * Percent of an upload for a progress bar: 0..99 while bytes go out, 100 once the response is in (all the bytes
 * sent is not yet a file: the service still has to answer).
 */
export function percentOf(event: HttpEvent<unknown>): number {
  if (event.type === HttpEventType.UploadProgress) return event.total ? Math.floor((99 * event.loaded) / event.total) : 0;
  return event.type === HttpEventType.Response ? 100 : 0;
}
