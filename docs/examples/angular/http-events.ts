// rxuploadcare's upload events as Angular HttpEvents, so that code written for HttpClient uploads works unchanged.
import { HttpEventType, HttpResponse, type HttpEvent } from '@angular/common/http';
import type { File as UploadcareFile, UploadEvent } from '../../../lib/index.js';

/** `{ type: 'progress', done, total }` is an `UploadProgress` event; `{ type: 'complete', file }` a `Response` with the File. */
export function toHttpEvent(event: UploadEvent): HttpEvent<UploadcareFile> {
  if (event.type === 'progress') {
    return { type: HttpEventType.UploadProgress, loaded: event.done, ...(event.total !== null && { total: event.total }) };
  }
  return new HttpResponse({ body: event.file, status: 200, statusText: 'OK', url: event.file.cdnUrl });
}

/** Percent of an upload, for a progress bar: 0..100, 100 once the response is in. */
export function percentOf(event: HttpEvent<unknown>): number {
  if (event.type === HttpEventType.UploadProgress) return event.total ? Math.round((100 * event.loaded) / event.total) : 0;
  return event.type === HttpEventType.Response ? 100 : 0;
}
