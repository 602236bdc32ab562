import { firstValueFrom, lastValueFrom, tap, toArray } from 'rxjs';
import { Uploadcare } from '../../lib/client.js';
import { AuthenticationError, UploadError } from '../../lib/errors.js';
import { FileFromUrl, type FromUrlEvent } from '../../lib/upload/file-from-url.js';
import { enqueue, failure, requestLog, resetScript, scriptBase } from '../transport/script.js';

describe('FileFromUrl reading from_url/status/ answers (scripted server)', () => {
  const failedStatus = { status: 'error', error: 'HTTP client error: 404.', error_code: 'DownloadFileHTTPClientError' };
  let client: Uploadcare;

  beforeEach(async () => {
    await resetScript();
    client = new Uploadcare({ publicKey: 'pk', uploadBase: scriptBase(), retry: { network: { maxRetries: 0 } } });
  });

  it('sees a 200 error status as the upload\'s status', async () => {
    await enqueue({ status: 200, body: failedStatus });
    expect(await firstValueFrom(new FileFromUrl('t1', client).updateInfo())).toEqual(failedStatus as never);
  });

  it('wait() raises an UploadError with the server\'s message and code, after the ticks before it', async () => {
    await enqueue({ status: 200, body: { status: 'progress', done: 5, total: 10 } }, { status: 200, body: failedStatus });
    const ticks: FromUrlEvent[] = [];
    const error = (await failure(lastValueFrom(new FileFromUrl('t2', client).wait({ interval: 0.01 }).pipe(tap((event) => ticks.push(event)))))) as UploadError;
    expect(ticks).toEqual([{ type: 'progress', status: 'progress', done: 5, total: 10 }]);
    expect(error).toBeInstanceOf(UploadError);
    expect(error.code).toBe('DownloadFileHTTPClientError');
    expect(error.message).toBe('Upload from URL failed: HTTP client error: 404.');
    expect(error.body).toEqual(failedStatus);
    expect((await requestLog()).map((request) => request.url)).toEqual([
      '/from_url/status/?jsonerrors=1&pub_key=pk&token=t2',
      '/from_url/status/?jsonerrors=1&pub_key=pk&token=t2',
    ]);
  });

  it('an error envelope on from_url/status/ stays a request failure, not a status', async () => {
    await enqueue({ status: 403, body: { error: { status_code: 403, content: 'pub_key is invalid.', error_code: 'ProjectPublicKeyInvalidError' } } });
    const error = (await failure(lastValueFrom(new FileFromUrl('t3', client).wait({ interval: 0.01 })))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.code).toBe('ProjectPublicKeyInvalidError');
  });

  it('wait({ untilReady }) on a known duplicate that is not ready yet polls info/ until it is, then completes with it', async () => {
    const uuid = '0e1d5b8a-2f57-4a63-9f8e-1a2b3c4d5e6f';
    const known = { type: 'file_info', uuid, file_id: uuid, size: 4, is_ready: false };
    await enqueue({ status: 200, body: { ...known, is_ready: false } }, { status: 200, body: { ...known, is_ready: true } });
    const events = await lastValueFrom(
      FileFromUrl.completed(known as never, client)
        .wait({ interval: 0.01, untilReady: true })
        .pipe(toArray()),
    );
    expect(events.map((event) => event.type)).toEqual(['progress', 'complete']);
    const last = events[events.length - 1];
    expect(last?.type === 'complete' ? last.file.uuid : undefined).toBe(uuid);
    expect((await requestLog()).map((request) => request.url)).toEqual([
      `/info/?jsonerrors=1&pub_key=pk&file_id=${uuid}`,
      `/info/?jsonerrors=1&pub_key=pk&file_id=${uuid}`,
    ]);
  });
});
