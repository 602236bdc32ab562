// An Angular service over rxuploadcare: uploads as HttpEvent streams, the project's files as a growing array.
import { inject, Injectable } from '@angular/core';
import type { HttpEvent } from '@angular/common/http';
import { map, type Observable, scan, startWith } from 'rxjs';
import { FileList as UploadcareFileList, uploadFile, type File as UploadcareFile, type FileListOptions, type UploadOptions } from '../../../lib/index.js';
import { toHttpEvent } from './http-events.js';
import { UPLOADCARE } from './uploadcare.provider.js';

@Injectable({ providedIn: 'root' })
export class UploadsService {
  private readonly client = inject(UPLOADCARE);

  /**
   * Uploads a picked file (a Blob) as `HttpClient.post(..., { reportProgress: true, observe: 'events' })` would report
   * it. Cold: nothing is sent before the component subscribes; unsubscribing (or `switchMap` to the next pick) aborts.
   */
  upload(file: Blob, options: UploadOptions = {}): Observable<HttpEvent<UploadcareFile>> {
    return uploadFile(file, options, this.client).pipe(map(toHttpEvent));
  }

  /** The files as an array that grows page by page (`[]` first), for `@for (file of files$ | async; ...)`. */
  files(options: FileListOptions = { until: new Date(), limit: 50 }): Observable<readonly UploadcareFile[]> {
    return new UploadcareFileList(options, this.client).pipe(
      scan((all, file) => [...all, file], [] as readonly UploadcareFile[]),
      startWith([] as readonly UploadcareFile[]),
    );
  }

  /** Stores a file; emits its new info. */
  store(file: UploadcareFile): Observable<UploadcareFile> {
    return file.store().pipe(map(() => file));
  }
}
