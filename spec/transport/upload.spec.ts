import { firstValueFrom } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { APIError, InvalidParamError, InvalidRequestError, AuthenticationError } from '../../lib/errors.js';
import { enqueue, failure, requestLog, resetScript, scriptBase, type Echo } from './script.js';

describe('Uploadcare.upload over loopback HTTP', () => {
  let client: Uploadcare;
  beforeEach(async () => {
    await resetScript();
    client = new Uploadcare({ publicKey: 'pk', secretKey: 'sk', uploadBase: scriptBase(), retry: { network: { maxRetries: 0 } } });
  });

  it('POSTs fields and files as a multipart form, with UPLOADCARE_PUB_KEY for base/ and jsonerrors=1', async () => {
    const echo = await firstValueFrom(
      client.upload<Echo>('POST', 'base/', { UPLOADCARE_STORE: 'auto', 'metadata[kind]': 'cat' }, { file: { data: new TextEncoder().encode('meow'), filename: 'cat.txt', contentType: 'text/plain' } }),
    );
    expect(echo.url).toBe('/base/?jsonerrors=1');
    expect(echo.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(echo.body).toContain('name="UPLOADCARE_PUB_KEY"\r\n\r\npk\r\n');
    expect(echo.body).toContain('name="UPLOADCARE_STORE"\r\n\r\nauto\r\n');
    expect(echo.body).toContain('name="metadata[kind]"\r\n\r\ncat\r\n');
    expect(echo.body).toMatch(/name="file"; filename="cat.txt"\r\nContent-Type: text\/plain\r\n\r\nmeow\r\n/);
    expect(echo.body).not.toContain('sk');
    expect(echo.headers['authorization']).toBeUndefined();
  });

  it('uses pub_key on the other endpoints, and repeats array fields', async () => {
    const echo = await firstValueFrom(client.upload<Echo>('POST', 'group/', { 'files[]': ['u1', 'u2'] }));
    expect(echo.body).toContain('name="pub_key"\r\n\r\npk\r\n');
    expect(echo.body.match(/name="files\[\]"/g)?.length).toBe(2);
  });

  it('sends GET fields as the query, with pub_key', async () => {
    const echo = await firstValueFrom(client.upload<Echo>('GET', 'from_url/status/', { token: 't 1' }));
    expect(echo.url).toBe('/from_url/status/?jsonerrors=1&pub_key=pk&token=t+1');
  });

  it('keeps a public key the caller gave', async () => {
    const echo = await firstValueFrom(client.upload<Echo>('GET', 'info/', { pub_key: 'other', file_id: 'x' }));
    expect(echo.url).toBe('/info/?jsonerrors=1&pub_key=other&file_id=x');
  });

  it('maps the JSON error envelope to the matching error, with its code and content', async () => {
    await enqueue(
      { status: 400, body: { error: { status_code: 400, content: 'File is too large.', error_code: 'FileSizeLimitExceededError' } } },
      { status: 403, body: { error: { status_code: 403, content: 'pub_key is invalid.', error_code: 'ProjectPublicKeyInvalidError' } } },
      { status: 200, body: { error: { status_code: 404, content: 'File not found.', error_code: 'FileNotFoundError' } } },
    );
    const tooLarge = (await failure(firstValueFrom(client.upload('POST', 'base/')))) as InvalidRequestError;
    expect(tooLarge).toBeInstanceOf(InvalidRequestError);
    expect(tooLarge.code).toBe('FileSizeLimitExceededError');
    expect(tooLarge.message).toBe(`POST ${scriptBase()}base/?jsonerrors=1 failed with 400: File is too large.`);
    const badKey = (await failure(firstValueFrom(client.upload('GET', 'info/', { file_id: 'x' })))) as AuthenticationError;
    expect(badKey).toBeInstanceOf(AuthenticationError);
    expect(badKey.code).toBe('ProjectPublicKeyInvalidError');
    const inA200 = (await failure(firstValueFrom(client.upload('GET', 'info/', { file_id: 'y' })))) as InvalidRequestError;
    expect(inA200).toBeInstanceOf(InvalidRequestError);
    expect(inA200.status).toBe(404);
  });

  it('leaves a 2xx with a plain error field (a from_url/status/ report) to the caller', async () => {
    await enqueue({ status: 200, body: { status: 'error', error: 'HTTP client error: 404.', error_code: 'DownloadFileHTTPClientError' } });
    const report = await firstValueFrom(client.upload<{ status: string }>('GET', 'from_url/status/', { token: 't' }));
    expect(report.status).toBe('error');
  });

  it('maps an envelope without status_code, and the older {"error": "<message>"} body, in a 2xx too', async () => {
    await enqueue(
      { status: 200, body: { error: { content: 'Expired signature.', error_code: 'SignatureExpirationError' } } },
      { status: 200, body: { error: 'UPLOADCARE_PUB_KEY is invalid.' } },
    );
    const noStatus = (await failure(firstValueFrom(client.upload('POST', 'base/')))) as APIError;
    expect(noStatus).toBeInstanceOf(APIError);
    expect(noStatus.code).toBe('SignatureExpirationError');
    expect(noStatus.message).toContain('Expired signature.');
    const older = (await failure(firstValueFrom(client.upload('POST', 'base/')))) as APIError;
    expect(older).toBeInstanceOf(APIError);
    expect(older.code).toBeNull();
    expect(older.message).toContain('UPLOADCARE_PUB_KEY is invalid.');
  });

  it('maps the older plain-text error too', async () => {
    await enqueue({ status: 400, body: 'UPLOADCARE_PUB_KEY is required.' });
    const error = (await failure(firstValueFrom(client.upload('POST', 'base/')))) as InvalidRequestError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain('UPLOADCARE_PUB_KEY is required.');
    expect(error.body).toBe('UPLOADCARE_PUB_KEY is required.');
  });

  it('refuses files on a GET before any request', async () => {
    const error = await failure(firstValueFrom(client.upload('GET', 'info/', {}, { file: new Uint8Array(1) })));
    expect(error).toBeInstanceOf(InvalidParamError);
    expect(await requestLog()).toEqual([]);
  });

  it('builds the form anew for each attempt (a 502 on an idempotent call is retried)', async () => {
    await enqueue({ status: 502, body: 'Bad gateway' });
    const echo = await firstValueFrom(
      client.upload<Echo>('POST', 'multipart/complete/', { uuid: 'u' }, {}, { idempotent: true, retry: { network: { maxRetries: 1, baseMs: 1 } } }),
    );
    expect(echo.body).toContain('name="uuid"\r\n\r\nu\r\n');
    const log = await requestLog();
    expect(log.length).toBe(2);
    expect(log[0]!.body).toContain('name="UPLOADCARE_PUB_KEY"');
  });
});
