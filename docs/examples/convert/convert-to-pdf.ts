// Runnable example of docs/conversions.md (spec/convert/docs-examples.spec.ts runs it against the emulator).
// In an application, import from 'rxuploadcare' instead of the library's sources.
import { filter, lastValueFrom, map } from 'rxjs';
import { convertDocument, convertVideo, File, isConversionComplete, type Uploadcare } from '../../../lib/index.js';

/** Converts a document to PDF and returns the PDF's CDN URL; a refused or failed conversion throws its ConversionError. */
export async function toPdf(uc: Uploadcare, uuid: string, onStatus: (status: string) => void = () => undefined): Promise<string> {
  const done = await lastValueFrom(
    convertDocument(uuid, { format: 'pdf', store: true }, uc).pipe(
      filter((event) => {
        if (event.type === 'progress') onStatus(event.status); // pending, processing, finished
        return isConversionComplete(event);
      }),
      map((event) => event.results[0]!),
    ),
  );
  if (!done.ok) throw done.error; // ConversionError: kind 'refused' | 'failed' | 'cancelled', source, token
  return new File(done.uuid, uc).cdnUrl;
}

/** Encodes a video to 640 px wide WebM with 3 thumbnails; returns the output UUID and the thumbnails group id. */
export async function webmWithThumbnails(uc: Uploadcare, uuid: string): Promise<{ video: string; thumbnails: string }> {
  const complete = await lastValueFrom(convertVideo(uuid, { format: 'webm', size: { width: 640 }, quality: 'better', thumbs: 3 }, uc).pipe(filter(isConversionComplete)));
  const [result] = complete.results;
  if (!result?.ok) throw result?.error;
  return { video: result.uuid, thumbnails: result.thumbnailsGroup! };
}
