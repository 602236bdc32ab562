// Runnable example of docs/uploads.md (spec/upload/docs-examples.node.spec.ts runs it against the emulator).
import { lastValueFrom, switchMap, tap } from 'rxjs';
import { File, type Uploadcare } from '../../../lib/index.js';

/** Uploads from `url`, logging each distinct tick of the service's download, and resolves with the CDN URL. */
export async function uploadFromUrlWithTicks(uc: Uploadcare, url: string, log: (line: string) => void): Promise<string> {
  const events = File.uploadFromUrl(url, { store: true }, uc).pipe(
    tap((upload) => log(`token ${upload.token ?? '(duplicate)'}`)),
    switchMap((upload) => upload.wait({ timeout: 60, interval: 0.5 })),
  );
  const last = await lastValueFrom(
    events.pipe(
      tap((event) => {
        if (event.type === 'progress') log(`${event.status} ${event.done}/${event.total ?? '?'}`);
      }),
    ),
  );
  if (last.type !== 'complete') throw new Error('the upload did not complete');
  return last.file.cdnUrl;
}
