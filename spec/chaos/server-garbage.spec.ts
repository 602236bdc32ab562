import { firstValueFrom, toArray, type Observable } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import type { UploadcareOptions } from '../../lib/config.js';
import { APIError, InvalidParamError, ThrottledRequestError, UploadcareException } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileList } from '../../lib/resources/file-list.js';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import type { ScriptedResponse } from '../support/script-server.js';
import { enqueue, requestLog, resetScript, scriptBase } from '../transport/script.js';
import { recordFigures } from './support/figures.js';

// Server-side garbage: what broken proxies, half-deployed services and confused servers send. Each answer must end
// in a clear typed error (an UploadcareException with the status, never a TypeError, a hang or an InvalidParamError,
// which means "your argument"), after at most the retries the policy allows.

const UUID = 'a771f854-c2cb-408a-8c36-71af77811f3b';
const HTML_502 = '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

type Case = {
  readonly name: string;
  readonly answers: readonly ScriptedResponse[];
  readonly call: (client: Uploadcare) => Observable<unknown>;
  /** The error class expected, and its status when it has one. */
  readonly expected: { readonly type: new (...args: never[]) => UploadcareException; readonly status?: number };
  readonly options?: UploadcareOptions;
};

const info = (client: Uploadcare): Observable<unknown> => new File(UUID, client).info();
const html = (status: number, body = HTML_502): ScriptedResponse => ({ status, headers: { 'Content-Type': 'text/html' }, body });
const throttled = (retryAfter: string): ScriptedResponse => ({ status: 429, headers: { 'Retry-After': retryAfter }, body: { detail: 'Request was throttled.' } });

const CASES: readonly Case[] = [
  { name: 'malformed JSON (200)', answers: [{ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"uuid": "a771' }], call: info, expected: { type: APIError, status: 200 } },
  { name: 'HTML 502 page', answers: [html(502)], call: info, expected: { type: APIError, status: 502 } },
  { name: 'HTML 502 page, every retry', answers: [html(502), html(502), html(502)], call: info, expected: { type: APIError, status: 502 }, options: { retry: { network: { maxRetries: 2, baseMs: 5 } } } },
  { name: 'HTML page with 200 where JSON is due', answers: [html(200, '<html>maintenance</html>')], call: info, expected: { type: APIError, status: 200 } },
  { name: 'JSON sent as text/html, valid answer shape', answers: [{ status: 200, headers: { 'Content-Type': 'text/html' }, body: '{"detail": "not a file"}' }], call: (client) => new FileList({ limit: 1 }, client).pipe(toArray()), expected: { type: APIError } },
  // Node reads a cut answer as an unreadable one (APIError); browsers' XHR reports a network error (APIConnectionError).
  { name: 'truncated body', answers: [{ action: 'truncate', body: '{"uuid": "a771f854-c2cb-408a-8c36-71af77811f3b", "size": 1' }], call: info, expected: { type: UploadcareException } },
  { name: 'empty 500', answers: [{ status: 500, body: '' }], call: info, expected: { type: APIError, status: 500 } },
  { name: 'XML error document', answers: [{ status: 403, headers: { 'Content-Type': 'application/xml' }, body: '<?xml version="1.0"?><Error><Code>AccessDenied</Code></Error>' }], call: info, expected: { type: UploadcareException, status: 403 } },
  { name: 'list page whose results are not a list', answers: [{ status: 200, body: { next: null, results: 'nope' } }], call: (client) => new FileList({}, client).pipe(toArray()), expected: { type: APIError, status: undefined } },
  { name: 'local_copy answer without the copy', answers: [{ status: 201, body: { type: 'file' } }], call: (client) => new File(UUID, client).copy(), expected: { type: APIError } },
  { name: 'upload answered by an HTML 502', answers: [html(502)], call: (client) => uploadFile(new Uint8Array([1, 2, 3]), {}, client).pipe(toFile()), expected: { type: APIError, status: 502 } },
  { name: 'upload answered 200 without a file', answers: [{ status: 200, body: {} }], call: (client) => uploadFile(new Uint8Array([1, 2, 3]), {}, client).pipe(toFile()), expected: { type: APIError } },
  { name: 'upload answered with a jsonerrors envelope', answers: [{ status: 200, body: { error: { status_code: 400, content: 'Nope.', error_code: 'X' } } }], call: (client) => uploadFile(new Uint8Array([1]), {}, client).pipe(toFile()), expected: { type: UploadcareException, status: 400 } },
  { name: 'Retry-After: 99999999999 (fails at once)', answers: [throttled('99999999999')], call: info, expected: { type: ThrottledRequestError, status: 429 } },
  { name: 'Retry-After: a date in year 9999 (fails at once)', answers: [throttled('Fri, 31 Dec 9999 23:59:59 GMT')], call: info, expected: { type: ThrottledRequestError, status: 429 } },
  { name: 'Retry-After: -5 (now), every retry', answers: [throttled('-5'), throttled('-5'), throttled('-5')], call: info, expected: { type: ThrottledRequestError, status: 429 } },
  { name: 'Retry-After: soon (unreadable: backoff), every retry', answers: [throttled('soon'), throttled('soon'), throttled('soon')], call: info, expected: { type: ThrottledRequestError, status: 429 } },
  { name: 'Retry-After: 1e400, every retry', answers: [throttled('1e400'), throttled('1e400'), throttled('1e400')], call: info, expected: { type: ThrottledRequestError, status: 429 } },
];

describe('chaos: server-side garbage', () => {
  const rows: Record<string, string> = {};

  afterAll(async () => {
    const ordered = CASES.map((scenario) => scenario.name).filter((name) => name in rows);
    await recordFigures('server-garbage', { title: 'Server-side garbage', figures: Object.fromEntries(ordered.map((name) => [name, rows[name] as string])) });
  });

  for (const scenario of CASES) {
    it(`${scenario.name}: ${scenario.expected.type.name}`, async () => {
      await resetScript();
      await enqueue(...scenario.answers);
      const client = new Uploadcare({
        publicKey: 'pk',
        secretKey: 'sk',
        restBase: scriptBase(),
        uploadBase: scriptBase(),
        cdnBase: scriptBase(),
        timeoutMs: 3000,
        retry: { throttled: { maxRetries: 2, baseMs: 5, maxMs: 20 }, network: { maxRetries: 0 }, maxServerWaitMs: 60_000 },
        ...scenario.options,
      });
      let failure: unknown;
      try {
        await firstValueFrom(scenario.call(client));
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(scenario.expected.type);
      expect(failure).not.toBeInstanceOf(InvalidParamError);
      const error = failure as UploadcareException;
      if ('status' in scenario.expected) expect(error.status).toBe(scenario.expected.status);
      expect(error.message).toMatch(/\w/);
      expect(error.message).not.toContain('[object Object]');
      // Every scripted answer was used (the policy's retries, no more), and nothing else was sent.
      expect((await requestLog()).length).toBe(scenario.answers.length);
      rows[scenario.name] = `${error.name}${error.status === undefined ? '' : ` ${error.status}`}${error instanceof ThrottledRequestError ? ` (wait ${error.wait} s)` : ''} after ${scenario.answers.length} request(s)`;
    });
  }
});
