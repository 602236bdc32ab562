import { filter, map, type Observable } from 'rxjs';
import type { UploadcareClient } from '../core/client.js';
import { pollUntil, type PollTiming } from './poll.js';
import type { UploadFileInfo } from './upload-api.js';

/** Polls the Upload API's `info/` until the file is ready (`is_ready`); emits the UUID once, then completes. */
export function waitUntilReady(client: UploadcareClient, uuid: string, timing: PollTiming = {}): Observable<string> {
  return pollUntil(
    () => client.upload<UploadFileInfo>('GET', 'info/', { file_id: uuid }),
    (info) => info.is_ready === true,
    timing,
    `File ${uuid} becoming ready`,
  ).pipe(
    filter((info) => info.is_ready === true),
    map(() => uuid),
  );
}
