import type { ServerResponse } from 'node:http';
import { sendJson, sendText } from '../http-util.js';
import type { FaultOutcome } from './controller.js';

/** Which of the emulator's APIs a path belongs to; each answers errors in its own shape. */
export type ApiName = 'rest' | 'upload' | 'cdn';

const UPLOAD_PREFIXES = ['/base/', '/multipart/', '/from_url/', '/info/', '/group/'];

/** The API a request path belongs to: Upload API prefixes, CDN UUID paths, and REST for the rest. */
export function apiOfPath(path: string): ApiName {
  if (UPLOAD_PREFIXES.some((prefix) => path === prefix.slice(0, -1) || path.startsWith(prefix))) return 'upload';
  return /^\/[0-9a-f]{8}-[0-9a-f]{4}-/i.test(path) ? 'cdn' : 'rest';
}

// The Upload API's generic error code (the official client's `ServerErrorCode` list has no narrower one for 5xx).
const MESSAGES: Record<500 | 503, { text: string; code: string }> = {
  500: { text: 'Internal server error.', code: 'UploadAPIError' },
  503: { text: 'Service temporarily unavailable.', code: 'UploadAPIError' },
};

/**
 * Answers a throttle or error fault the way the called API answers it for real. The request body is not read (a
 * throttled upload is refused before its bytes matter), so for the Upload API only `jsonerrors=1` in the query asks
 * for the JSON envelope, as the official clients send it.
 */
export function answerFault(res: ServerResponse, url: URL, outcome: Exclude<FaultOutcome, { kind: 'drop' }>): void {
  const throttled = outcome.kind === 'throttle';
  const status = throttled ? 429 : outcome.status;
  const { text, code } = throttled ? { text: 'Request was throttled.', code: 'RequestThrottledError' } : MESSAGES[outcome.status];
  const api = apiOfPath(url.pathname);
  if (throttled) res.setHeader('Retry-After', String(outcome.retryAfterSeconds));
  if (api === 'rest') {
    // The header older clients (pyuploadcare 1.x) read before Retry-After was sent.
    if (throttled) res.setHeader('X-Throttle-Wait-Seconds', String(outcome.retryAfterSeconds));
    sendJson(res, status, { detail: throttled ? `${text} Expected available in ${outcome.retryAfterSeconds} seconds.` : text });
  } else if (api === 'upload' && url.searchParams.get('jsonerrors') === '1') {
    sendJson(res, status, { error: { status_code: status, content: text, error_code: code } });
  } else {
    sendText(res, status, text);
  }
}
