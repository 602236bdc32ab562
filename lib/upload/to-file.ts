import { filter, map, type OperatorFunction } from 'rxjs';
import { isUploadComplete, type UploadCompleteEvent } from './upload-events.js';

/**
 * Keeps only what an upload produced: `upload(src).pipe(toFile())` emits the File once and completes.
 * Works for every upload stream (direct, multipart, from URL, groups).
 */
export function toFile<T>(): OperatorFunction<{ readonly type: string } | UploadCompleteEvent<T>, T> {
  return (source) =>
    source.pipe(
      filter((event): event is UploadCompleteEvent<T> => isUploadComplete<T>(event)),
      map((event) => event.file),
    );
}
