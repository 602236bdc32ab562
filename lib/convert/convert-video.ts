import { defer, type Observable } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { jobTiming } from '../jobs/job-options.js';
import { checkOptions, optionKeys } from '../options/check-options.js';
import type { ConversionEvent } from './conversion-events.js';
import { sourceList, storeFields, type ConversionOptions } from './conversion-options.js';
import { videoPath, type ConversionSource, type VideoTarget } from './conversion-paths.js';
import { runConversion } from './run-conversion.js';

/** Options of {@link convertVideo}: the target's operations, `store`, and the poll's `timeout`/`interval`. */
export interface VideoConversionOptions extends VideoTarget, ConversionOptions {}

const VIDEO_OPTION_KEYS = optionKeys<VideoConversionOptions>({ format: true, quality: true, size: true, cut: true, thumbs: true, store: true, timeout: true, interval: true });

/**
 * Encodes videos (`POST convert/video/`) and follows each job as {@link convertDocument} does; a finished video's
 * outcome also names its thumbnails group (`thumbnailsGroup`, `<uuid>~<thumbs>`).
 *
 * ```ts
 * convertVideo(uuid, { format: 'webm', size: { width: 640 }, thumbs: 3 }, client).pipe(filter(isConversionComplete))
 * ```
 * @param client the client to use; default {@link defaultClient}.
 */
export function convertVideo(files: ConversionSource | readonly ConversionSource[], options: VideoConversionOptions = {}, client?: UploadcareClient): Observable<ConversionEvent> {
  return defer(() => {
    const checked = checkOptions('convertVideo() options', options, VIDEO_OPTION_KEYS);
    const paths = sourceList(files).map((file) => videoPath(file, checked));
    return runConversion('video', paths, storeFields(checked.store), jobTiming(checked), client);
  });
}
