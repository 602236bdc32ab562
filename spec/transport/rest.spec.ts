import { EMPTY, firstValueFrom, Observable, of } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import type { UploadcareOptions } from '../../lib/config.js';
import { AuthenticationError, InvalidParamError, TimeoutError } from '../../lib/errors.js';
import { hmacSha1Hex } from '../../lib/transport/crypto.js';
import { restSignString } from '../../lib/transport/rest-sign-string.js';
import { inBrowser } from '../support/test-env.js';
import { enqueue, failure, requestLog, resetScript, scriptBase, type Echo } from './script.js';

const NO_RETRY = { throttled: { maxRetries: 0 }, network: { maxRetries: 0 } };

describe('Uploadcare.rest over loopback HTTP', () => {
  const client = (options: UploadcareOptions = {}): Uploadcare =>
    new Uploadcare({ publicKey: 'pk', secretKey: 'sk', restBase: scriptBase(), retry: NO_RETRY, ...options });
  const dateHeader = inBrowser ? 'x-uploadcare-date' : 'date';

  beforeEach(resetScript);

  it('sends the v0.7 Accept header, a JSON body and a signed Authorization', async () => {
    const echo = await firstValueFrom(client().rest<Echo>('POST', 'files/local_copy/?x=1', { source: 'abc' }));
    expect(echo.url).toBe('/files/local_copy/?x=1');
    expect(echo.headers['accept']).toBe('application/vnd.uploadcare-v0.7+json');
    expect(echo.headers['content-type']).toBe('application/json');
    expect(echo.body).toBe('{"source":"abc"}');
    expect(echo.headers['authorization']).toMatch(/^Uploadcare pk:[0-9a-f]{40}$/);
  });

  it('signs METHOD, md5(body), content type, date and path with query, as the server can check', async () => {
    const echo = await firstValueFrom(client().rest<Echo>('PUT', 'files/storage/', ['a', 'b']));
    const date = echo.headers[dateHeader]!;
    expect(new Date(date).toUTCString()).toBe(date);
    const signString = restSignString({ method: 'PUT', url: `${scriptBase()}files/storage/`, body: echo.body, contentType: 'application/json', date });
    expect(echo.headers['authorization']).toBe(`Uploadcare pk:${await hmacSha1Hex('sk', signString)}`);
  });

  it(`sends the date as ${inBrowser ? 'X-Uploadcare-Date (browsers forbid Date)' : 'Date'}`, async () => {
    const echo = await firstValueFrom(client().rest<Echo>('GET', 'project/'));
    expect(echo.headers[dateHeader]).toMatch(/ GMT$/);
    if (inBrowser) expect(echo.headers['date']).toBeUndefined();
    else expect(echo.headers['x-uploadcare-date']).toBeUndefined();
  });

  it('sends no body nor content type on a GET, and its data as the query', async () => {
    const echo = await firstValueFrom(client().rest<Echo>('GET', 'files/', { limit: 5, stored: 'true' }));
    expect(echo.url).toBe('/files/?limit=5&stored=true');
    expect(echo.body).toBe('');
    expect(echo.headers['content-type']).toBeUndefined();
  });

  it('sends no content type on a bodiless PUT/POST/DELETE, and signs it with an empty one', async () => {
    for (const method of ['PUT', 'POST', 'DELETE'] as const) {
      const echo = await firstValueFrom(client().rest<Echo>(method, 'files/x/storage/'));
      expect(echo.headers['content-type']).withContext(method).toBeUndefined();
      const signString = restSignString({ method, url: `${scriptBase()}files/x/storage/`, body: '', contentType: '', date: echo.headers[dateHeader]! });
      expect(echo.headers['authorization']).withContext(method).toBe(`Uploadcare pk:${await hmacSha1Hex('sk', signString)}`);
    }
  });

  it('uses Uploadcare.Simple when asked', async () => {
    const echo = await firstValueFrom(client({ authScheme: 'simple' }).rest<Echo>('GET', 'files/'));
    expect(echo.headers['authorization']).toBe('Uploadcare.Simple pk:sk');
  });

  it('signs through a signatureResolver (Promise or Observable) without any secret', async () => {
    const asked: string[] = [];
    const viaPromise = client({ secretKey: undefined, signatureResolver: async (signString) => (asked.push(signString), 'f00d') });
    const echo = await firstValueFrom(viaPromise.rest<Echo>('DELETE', 'files/x/storage/'));
    expect(echo.headers['authorization']).toBe('Uploadcare pk:f00d');
    expect(asked.length).toBe(1);
    expect(asked[0]!.split('\n')).toEqual(['DELETE', 'd41d8cd98f00b204e9800998ecf8427e', '', echo.headers[dateHeader]!, '/files/x/storage/']);

    const viaObservable = client({ secretKey: undefined, signatureResolver: () => of('beef') });
    expect((await firstValueFrom(viaObservable.rest<Echo>('GET', 'files/'))).headers['authorization']).toBe('Uploadcare pk:beef');
  });

  it('signs every attempt anew', async () => {
    await enqueue({ status: 503, body: { detail: 'later' } });
    let signatures = 0;
    const retrying = client({ signatureResolver: () => Promise.resolve(`${++signatures}`), retry: { network: { maxRetries: 1, baseMs: 1 } } });
    const echo = await firstValueFrom(retrying.rest<Echo>('GET', 'files/'));
    expect(echo.headers['authorization']).toBe('Uploadcare pk:2');
  });

  it('fails with an AuthenticationError, before any request, when it cannot authenticate', async () => {
    const noSecret = await failure(firstValueFrom(client({ secretKey: undefined }).rest('GET', 'files/')));
    expect(noSecret).toBeInstanceOf(AuthenticationError);
    expect((noSecret as Error).message).toContain('secretKey');
    expect(await failure(firstValueFrom(client({ publicKey: undefined }).rest('GET', 'files/')))).toBeInstanceOf(AuthenticationError);
    const broken = client({ signatureResolver: () => Promise.reject(new Error('backend down')) });
    const resolverError = await failure(firstValueFrom(broken.rest('GET', 'files/')));
    expect(resolverError).toBeInstanceOf(AuthenticationError);
    expect((resolverError as AuthenticationError).message).toContain('backend down');
    expect(await requestLog()).toEqual([]);
  });

  it('gives up on a signatureResolver Observable that never answers within the timeout, and unsubscribes from it', async () => {
    let subscribed = 0;
    let unsubscribed = 0;
    const silent = new Observable<string>(() => {
      subscribed++;
      return () => unsubscribed++;
    });
    const stalled = client({ secretKey: undefined, signatureResolver: () => silent, timeoutMs: 50 });
    const error = await failure(firstValueFrom(stalled.rest('GET', 'files/')));
    expect(error).toBeInstanceOf(TimeoutError);
    expect([subscribed, unsubscribed]).toEqual([1, 1]);
    expect(await requestLog()).toEqual([]);
  });

  it('refuses a signatureResolver Observable that completes without a signature', async () => {
    const empty = client({ secretKey: undefined, signatureResolver: () => EMPTY });
    const error = await failure(firstValueFrom(empty.rest('GET', 'files/')));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain('completed without a signature');
  });

  it('passes an absolute next URL unchanged, and refuses one on another origin', async () => {
    const next = `${scriptBase()}files/?cursor=abc%3D&limit=2`;
    expect((await firstValueFrom(client().rest<Echo>('GET', next))).url).toBe('/files/?cursor=abc%3D&limit=2');
    const foreign = await failure(firstValueFrom(client().rest('GET', 'http://127.0.0.2:1/files/')));
    expect(foreign).toBeInstanceOf(InvalidParamError);
    expect((await requestLog()).length).toBe(1);
  });

  it('resolves paths under a restBase with a path prefix, leading slash or not', async () => {
    const prefixed = client({ restBase: `${scriptBase()}api` });
    expect((await firstValueFrom(prefixed.rest<Echo>('GET', 'files/'))).url).toBe('/api/files/');
    expect((await firstValueFrom(prefixed.rest<Echo>('GET', '/files/'))).url).toBe('/api/files/');
  });

  it('maps a 401 to AuthenticationError with the server detail', async () => {
    await enqueue({ status: 401, body: { detail: 'Incorrect authentication credentials.' } });
    const error = (await failure(firstValueFrom(client().rest('GET', 'files/')))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toContain('Incorrect authentication credentials.');
  });

  it('uses the configured API version', async () => {
    const echo = await firstValueFrom(client({ apiVersion: '0.6' }).rest<Echo>('GET', 'files/'));
    expect(echo.headers['accept']).toBe('application/vnd.uploadcare-v0.6+json');
  });
});
