import type { HttpEvent } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, type Observable, Subject, switchMap, tap } from 'rxjs';
import {
  FileGroup,
  uploadFile,
  uploadFromUrl,
  type File as UploadcareFile,
  type FromUrlEvent,
  type FromUrlOptions,
  type UploadOptions,
} from 'rxuploadcare';
import { FilePager } from './file-pager';
import { toHttpEvent } from './http-events';
import { UPLOADCARE } from './uploadcare.provider';

/** How long a from-URL upload may take, and how often its status is asked (seconds). */
const FROM_URL_WAIT = { timeout: 120, interval: 0.25 } as const;

/**
 * The application's Uploadcare operations, each a cold Observable from rxuploadcare: nothing is sent before a
 * subscription, and unsubscribing (a component destroyed, `switchMap` to the next input, a cancel button) aborts it.
 */
@Injectable({ providedIn: 'root' })
export class UploadcareService {
  private readonly client = inject(UPLOADCARE);
  private readonly completed = new Subject<UploadcareFile>();

  /** Every file uploaded through this service, as its upload completes. */
  readonly completed$: Observable<UploadcareFile> = this.completed.asObservable();

  /**
   * Uploads a picked or dropped file as `HttpClient.post(…, { reportProgress: true, observe: 'events' })` would report
   * it: `UploadProgress` events, then a `Response` whose body is the `File`. Files from 10 MiB on go multipart.
   */
  upload(file: Blob, options: UploadOptions = {}): Observable<HttpEvent<UploadcareFile>> {
    return uploadFile(file, options, this.client).pipe(
      tap((event) => event.type === 'complete' && this.completed.next(event.file)),
      map(toHttpEvent),
    );
  }

  /** Has the service download `url`: `{ status, done, total }` ticks while it does, then `{ type: 'complete', file }`. */
  fromUrl(url: string, options: FromUrlOptions = {}): Observable<FromUrlEvent> {
    return uploadFromUrl(url, options, this.client).pipe(
      switchMap((upload) => upload.wait(FROM_URL_WAIT)),
      tap((event) => event.type === 'complete' && this.completed.next(event.file)),
    );
  }

  /** The project's files, newest first, a page per `next()` call: what an infinite scroll needs. */
  pager(pageSize: number): FilePager {
    return new FilePager(this.client, pageSize);
  }

  /** Groups files (REST-free: the Upload API's `group/`), for one CDN URL over all of them. */
  group(files: readonly UploadcareFile[]): Observable<FileGroup> {
    return FileGroup.create(files, this.client);
  }
}
