// Runnable example of docs/uploads.md (spec/upload/docs-examples.node.spec.ts runs it against the emulator).
import { latestValueFrom } from 'rxjs-for-await';
import { File, type UploadInput, type Uploadcare } from '../../../lib/index.js';

/**
 * Uploads `source` in an async loop that redraws a progress line per event it takes. A slow `draw` skips the
 * ticks that arrived meanwhile (only the latest matters for a bar); the complete event is the last, never skipped.
 */
export async function uploadInLoop(uc: Uploadcare, source: UploadInput, draw: (percent: number) => Promise<void>): Promise<File> {
  for await (const event of latestValueFrom(File.upload(source, {}, uc))) {
    if (event.type === 'complete') return event.file;
    await draw(event.total ? Math.round((100 * event.done) / event.total) : 0);
  }
  throw new Error('the upload ended without a file');
}
