import { from, last, map, mergeMap, switchMap, take, type Observable } from 'rxjs';
import { describeValue } from '../describe-value.js';
import { APIError } from '../errors.js';
import { isUuid } from '../resources/uuid.js';
import { runningInNode } from '../transport/environment.js';
import { parseHttpUrl } from '../transport/same-origin.js';
import { ByteProgress } from './progress.js';
import { partUrls, type MultipartStartAnswer, type UploadFileInfo } from './upload-api.js';
import type { UploadContext } from './upload-context.js';

/** One part to send: its presigned URL and byte range. */
interface Part {
  readonly index: number;
  readonly url: string;
  readonly start: number;
  readonly end: number;
}

/** Statuses worth sending a part again for: a part PUT is idempotent, so a 500 is retried too. */
const PART_RETRY_STATUSES = [500, 502, 503, 504] as const;

/**
 * Multipart upload: `multipart/start/`, the parts PUT with at most `partConcurrency` in flight (each read from the
 * source as it is sent, each retried alone on failure or throttling), then `multipart/complete/`. Emits the UUID.
 */
export function multipartUpload(context: UploadContext): Observable<string> {
  const { client, source, policy } = context;
  return client
    .upload<MultipartStartAnswer>('POST', 'multipart/start/', {
      filename: context.filename,
      size: String(source.size),
      content_type: context.contentType,
      part_size: String(policy.partSize),
      UPLOADCARE_STORE: context.store,
      ...context.fields,
    })
    .pipe(
      switchMap((answer) => {
        const parts = planParts(answer, source.size, policy.partSize);
        const progress = new ByteProgress(
          parts.map((part) => part.end - part.start),
          context.onProgress,
        );
        return from(parts).pipe(
          mergeMap((part) => sendPart(context, part, progress), policy.partConcurrency),
          last(null, null),
          switchMap(() => client.upload<UploadFileInfo>('POST', 'multipart/complete/', { uuid: answer.uuid })),
          map(() => answer.uuid),
        );
      }),
    );
}

function sendPart(context: UploadContext, part: Part, progress: ByteProgress): Observable<void> {
  return context.source.read(part.start, part.end).pipe(
    switchMap((body) =>
      context.client.request<unknown>({
        method: 'PUT',
        url: part.url,
        body,
        // Node sends a stream body with its length (browsers set it themselves and refuse it from scripts).
        headers: { 'Content-Type': context.contentType, ...(runningInNode() && { 'Content-Length': String(part.end - part.start) }) },
        responseType: 'text',
        idempotent: true,
        retry: { network: { maxRetries: context.policy.partRetries }, retryStatuses: PART_RETRY_STATUSES },
        onUploadProgress: (sent) => progress.update(part.index, sent),
      }),
    ),
    // The answer ends the read too: the source may then reuse the part's memory.
    take(1),
    map(() => progress.finish(part.index)),
  );
}

function planParts(answer: MultipartStartAnswer, size: number, askedPartSize: number): Part[] {
  if (!answer || !isUuid(answer.uuid) || !answer.parts) {
    throw new APIError('multipart/start/ answered without a UUID and part URLs.', { body: answer });
  }
  const urls = partUrls(answer.parts);
  const expected = Math.ceil(size / askedPartSize);
  if (urls.length !== expected) {
    throw new APIError(`multipart/start/ gave ${urls.length} part URLs for ${expected} parts of ${askedPartSize} bytes.`, { body: answer });
  }
  return urls.map((given, index) => ({
    index,
    url: partUrl(given, answer),
    start: index * askedPartSize,
    end: Math.min(size, (index + 1) * askedPartSize),
  }));
}

/** A presigned part URL as it will be sent: absolute http(s), else the answer is bad (APIError, not the caller's). */
function partUrl(given: unknown, answer: MultipartStartAnswer): string {
  const url = parseHttpUrl(given);
  if (!url) throw new APIError(`multipart/start/ gave a part URL that is not an http(s) URL: ${describeValue(given)}`, { body: answer });
  return url.href;
}
