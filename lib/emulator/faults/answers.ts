import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendText } from '../http-util.js';
import type { FaultOutcome } from './controller.js';

/** Which of the emulator's APIs a path belongs to; each answers errors in its own shape. */
export type ApiName = 'rest' | 'upload' | 'cdn';

const UPLOAD_PREFIXES = ['/base/', '/multipart/', '/from_url/', '/info/', '/group/'];

export function apiOfPath(path: string): ApiName {
  if (UPLOAD_PREFIXES.some((prefix) => path === prefix.slice(0, -1) || path.startsWith(prefix))) return 'upload';
  return /^\/[0-9a-f]{8}-[0-9a-f]{4}-/i.test(path) ? 'cdn' : 'rest';
}

// The Upload API's generic error code (the official client's `ServerErrorCode` list has no narrower one for 5xx).
const MESSAGES: Record<500 | 503, { text: string; code: string }> = {
  500: { text: 'Internal server error.', code: 'UploadAPIError' },
  503: { text: 'Service temporarily unavailable.', code: 'UploadAPIError' },
};

/** Answers a throttle or error fault the way the called API answers it for real. */
export function answerFault(req: IncomingMessage, res: ServerResponse, url: URL, outcome: Exclude<FaultOutcome, { kind: 'drop' }>): void {
  const api = apiOfPath(url.pathname);
  const status = outcome.kind === 'throttle' ? 429 : outcome.status;
  const headers: Record<string, string> =
    outcome.kind === 'throttle' ? { 'Retry-After': String(outcome.retryAfterSeconds) } : {};
  const { text, code } =
    outcome.kind === 'throttle'
      ? { text: 'Request was throttled.', code: 'RequestThrottledError' }
      : MESSAGES[outcome.status];
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (api === 'rest') {
    const detail =
      outcome.kind === 'throttle' ? `${text} Expected available in ${outcome.retryAfterSeconds} seconds.` : text;
    sendJson(res, status, { detail });
  } else if (api === 'upload' && wantsJsonErrors(req, url)) {
    sendJson(res, status, { error: { status_code: status, content: text, error_code: code } });
  } else {
    sendText(res, status, text);
  }
}

/** Upload API clients ask for JSON error envelopes with `jsonerrors=1` in the query. */
function wantsJsonErrors(req: IncomingMessage, url: URL): boolean {
  return url.searchParams.get('jsonerrors') === '1' || (req.headers.accept ?? '').includes('application/json');
}
