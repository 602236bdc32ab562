import { firstValueFrom, lastValueFrom } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { APIConnectionError, APIError, AuthenticationError, InvalidParamError, InvalidRequestError, ThrottledRequestError, TimeoutError } from '../../lib/errors.js';
import { inBrowser } from '../support/test-env.js';
import { enqueue, failure, logWhere, requestLog, resetScript, scriptBase, type Echo } from './script.js';

const NO_RETRY = { throttled: { maxRetries: 0 }, network: { maxRetries: 0 } };

describe('Uploadcare.request over loopback HTTP', () => {
  let client: Uploadcare;
  beforeEach(async () => {
    await resetScript();
    client = new Uploadcare({ publicKey: 'pk', secretKey: 'sk', timeoutMs: 5000, retry: NO_RETRY });
  });

  it('sends nothing before subscribe, and sends anew on each subscribe', async () => {
    const call = client.request<Echo>({ method: 'GET', url: `${scriptBase()}cold` });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await requestLog()).toEqual([]);
    await firstValueFrom(call);
    await firstValueFrom(call);
    const log = await requestLog();
    expect(log.map((entry) => entry.url)).toEqual(['/cold', '/cold']);
  });

  it('emits the status, lower-cased headers and parsed JSON body of a 2xx', async () => {
    await enqueue({ status: 201, headers: { 'X-Thing': 'yes' }, body: { ok: true } });
    const response = await firstValueFrom(client.request<{ ok: boolean }>({ method: 'GET', url: `${scriptBase()}json` }));
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ ok: true });
    expect(response.url).toBe(`${scriptBase()}json`);
    expect(response.headers['content-type']).toContain('application/json');
  });

  it('emits null for an empty 2xx body', async () => {
    await enqueue({ status: 204 });
    expect((await firstValueFrom(client.request({ method: 'DELETE', url: `${scriptBase()}empty` }))).body).toBeNull();
  });

  it('returns text and bytes when asked', async () => {
    await enqueue({ body: 'plain words' }, { body: 'bytes' });
    expect((await firstValueFrom(client.request<string>({ method: 'GET', url: `${scriptBase()}t`, responseType: 'text' }))).body).toBe('plain words');
    const bytes = await firstValueFrom(client.request<ArrayBuffer>({ method: 'GET', url: `${scriptBase()}b`, responseType: 'arraybuffer' }));
    expect(new TextDecoder().decode(bytes.body)).toBe('bytes');
  });

  it('sends a plain object body as JSON and calls a body factory once per attempt', async () => {
    const echo = await firstValueFrom(client.request<Echo>({ method: 'POST', url: `${scriptBase()}j`, body: { foo: 'bar' } }));
    expect(echo.body.body).toBe('{"foo":"bar"}');
    expect(echo.body.headers['content-type']).toBe('application/json');

    await enqueue({ status: 503, body: { detail: 'busy' } }, { status: 503, body: { detail: 'busy' } });
    let calls = 0;
    const retried = client.request<Echo>({
      method: 'PUT',
      url: `${scriptBase()}part`,
      body: () => `part #${++calls}`,
      retry: { network: { maxRetries: 2, baseMs: 1, maxMs: 1 } },
    });
    expect((await firstValueFrom(retried)).body.body).toBe('part #3');
    expect(calls).toBe(3);
  });

  it('aborts the request in flight on unsubscribe: the server sees the connection closed', async () => {
    await enqueue({ action: 'hang' });
    const subscription = client.request({ method: 'GET', url: `${scriptBase()}slow` }).subscribe({ error: fail });
    await logWhere((log) => log.length === 1);
    subscription.unsubscribe();
    const log = await logWhere((entries) => entries[0]?.abortedByClient === true);
    expect(log[0]!.abortedByClient).toBeTrue();
  });

  it('does not abort a request that completed (unsubscribe after the answer is a no-op)', async () => {
    const subscription = client.request({ method: 'GET', url: `${scriptBase()}done` }).subscribe();
    await logWhere((log) => log.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    subscription.unsubscribe();
    expect((await requestLog())[0]!.abortedByClient).toBeFalse();
  });

  it('times out with a TimeoutError and closes the connection', async () => {
    await enqueue({ action: 'hang' });
    const error = await failure(firstValueFrom(client.request({ method: 'POST', url: `${scriptBase()}hang`, timeoutMs: 100 })));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain('no answer within 100 ms');
    expect((error as TimeoutError).method).toBe('POST');
    await logWhere((log) => log[0]?.abortedByClient === true);
  });

  it('retries a timed-out GET, then succeeds', async () => {
    await enqueue({ action: 'hang' });
    const call = client.request<Echo>({ method: 'GET', url: `${scriptBase()}flaky`, timeoutMs: 200, retry: { network: { maxRetries: 1, baseMs: 1 } } });
    expect((await lastValueFrom(call)).body.url).toBe('/flaky');
    expect((await requestLog()).length).toBe(2);
  });

  it('maps every status class to its error, with status, method, url, body and code', async () => {
    const cases = [
      [400, InvalidRequestError],
      [404, InvalidRequestError],
      [409, InvalidRequestError],
      [401, AuthenticationError],
      [403, AuthenticationError],
      [429, ThrottledRequestError],
      [500, APIError],
      [502, APIError],
    ] as const;
    for (const [status, type] of cases) {
      await enqueue({ status, body: { detail: `detail ${status}`, error_code: `code_${status}` } });
      const error = await failure(firstValueFrom(client.request({ method: 'POST', url: `${scriptBase()}s${status}` })));
      expect(error).withContext(String(status)).toBeInstanceOf(type);
      const typed = error as InvalidRequestError;
      expect(typed.status).toBe(status);
      expect(typed.method).toBe('POST');
      expect(typed.url).toBe(`${scriptBase()}s${status}`);
      expect(typed.code).toBe(`code_${status}`);
      expect(typed.body).toEqual({ detail: `detail ${status}`, error_code: `code_${status}` });
      expect(typed.message).toBe(`POST ${scriptBase()}s${status} failed with ${status}: detail ${status}`);
    }
  });

  it('gives a 429 its wait in seconds from X-Throttle-Wait-Seconds or Retry-After', async () => {
    await enqueue({ status: 429, headers: { 'X-Throttle-Wait-Seconds': '7' }, body: {} }, { status: 429, headers: { 'Retry-After': '3' }, body: {} });
    const first = (await failure(firstValueFrom(client.request({ method: 'GET', url: `${scriptBase()}t1` })))) as ThrottledRequestError;
    const second = (await failure(firstValueFrom(client.request({ method: 'GET', url: `${scriptBase()}t2` })))) as ThrottledRequestError;
    expect([first.wait, second.wait]).toEqual([7, 3]);
  });

  it('keeps a 503 Retry-After on the error', async () => {
    await enqueue({ status: 503, headers: { 'Retry-After': '12' }, body: { detail: 'maintenance' } });
    const unavailable = (await failure(firstValueFrom(client.request({ method: 'POST', url: `${scriptBase()}m` })))) as APIError;
    expect(unavailable.retryAfter).toBe(12);
  });

  it('retries a 429 after the server wait, then succeeds', async () => {
    await enqueue({ status: 429, headers: { 'Retry-After': '0' }, body: { detail: 'slow down' } });
    const call = client.request<Echo>({ method: 'POST', url: `${scriptBase()}throttled`, retry: { throttled: { maxRetries: 1 } } });
    expect((await firstValueFrom(call)).body.method).toBe('POST');
    expect((await requestLog()).length).toBe(2);
  });

  it('makes a non-JSON 2xx and an HTML error page APIErrors with clear messages', async () => {
    await enqueue({ status: 200, headers: { 'Content-Type': 'text/html' }, body: '<html><body>Maintenance</body></html>' });
    await enqueue({ status: 500, headers: { 'Content-Type': 'text/html' }, body: '<!DOCTYPE html><html><h1>Internal error</h1></html>' });
    const notJson = (await failure(firstValueFrom(client.request({ method: 'GET', url: `${scriptBase()}h1` })))) as APIError;
    expect(notJson).toBeInstanceOf(APIError);
    expect(notJson.status).toBe(200);
    expect(notJson.message).toContain('expected JSON, got text/html: <html><body>Maintenance');
    const page = (await failure(firstValueFrom(client.request({ method: 'GET', url: `${scriptBase()}h2` })))) as APIError;
    expect(page).toBeInstanceOf(APIError);
    expect(page.message).toContain('failed with 500: an HTML page: Internal error');
  });

  it('makes a truncated body an error naming the cut (APIError in Node; browsers report a network error)', async () => {
    await enqueue({ action: 'truncate', body: '{"results": [1, 2' });
    const error = await failure(firstValueFrom(client.request({ method: 'GET', url: `${scriptBase()}cut` })));
    if (inBrowser) expect(error).toBeInstanceOf(APIConnectionError);
    else {
      expect(error).toBeInstanceOf(APIError);
      expect((error as APIError).message).toContain('cut off');
    }
  });

  it('maps a dropped connection and a refused one to APIConnectionError', async () => {
    // Chromium silently resends a request whose reused keep-alive connection dropped, on each pooled connection in
    // turn (up to 6 per host): drop those resends too.
    await enqueue(...Array.from({ length: 8 }, () => ({ action: 'drop' as const })));
    expect(await failure(firstValueFrom(client.request({ method: 'POST', url: `${scriptBase()}drop` })))).toBeInstanceOf(APIConnectionError);
    const refused = await failure(firstValueFrom(client.request({ method: 'GET', url: 'http://127.0.0.1:9/' })));
    expect(refused).toBeInstanceOf(APIConnectionError);
    expect((refused as APIConnectionError).url).toBe('http://127.0.0.1:9/');
  });

  it('reports upload progress', async () => {
    const ticks: [number, number | null][] = [];
    const body = new Uint8Array(64 * 1024).fill(7);
    await firstValueFrom(client.request({ method: 'PUT', url: `${scriptBase()}p`, body, onUploadProgress: (sent, total) => ticks.push([sent, total]) }));
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks[ticks.length - 1]).toEqual([body.byteLength, body.byteLength]);
  });

  it('rejects a bad URL, method or timeout before any request', async () => {
    expect(await failure(firstValueFrom(client.request({ method: 'GET', url: 'files/' })))).toBeInstanceOf(InvalidParamError);
    const bogus = { method: 'BREW', url: scriptBase() } as unknown as Parameters<Uploadcare['request']>[0];
    expect(await failure(firstValueFrom(client.request(bogus)))).toBeInstanceOf(InvalidParamError);
    expect(await failure(firstValueFrom(client.request({ method: 'GET', url: scriptBase(), timeoutMs: -1 })))).toBeInstanceOf(InvalidParamError);
    expect(await requestLog()).toEqual([]);
  });
});
