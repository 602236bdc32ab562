import { listOfFiles, RestClientError, UploadcareSimpleAuthSchema, type UserSettings } from '@uploadcare/rest-client';
import { UploadClient, UploadError } from '@uploadcare/upload-client';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';

/** The official clients read the emulator's throttling and errors as they read the real service's. */
describe('official clients under emulator faults', () => {
  let emulator: RunningEmulator;
  let rest: UserSettings;
  let upload: UploadClient;

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0 });
    rest = {
      authSchema: new UploadcareSimpleAuthSchema({ publicKey: 'demopublickey', secretKey: 'demosecretkey' }),
      apiBaseURL: `${emulator.url}/`,
      retryNetworkErrorMaxTimes: 0,
    };
    upload = new UploadClient({ publicKey: 'demopublickey', baseURL: emulator.url, retryNetworkErrorMaxTimes: 0 });
  });

  afterEach(async () => {
    await emulator.close();
  });

  it('the REST client waits out a throttled request and retries it', async () => {
    emulator.faults.add({ kind: 'throttle', count: 1, retryAfterSeconds: 0, pathPrefix: '/files/' });
    const page = await listOfFiles({ limit: 10 }, rest);
    expect(page.results).toEqual([]);
    expect(emulator.requests.list().map((entry) => entry.status)).toEqual([429, 200]);
  });

  it('the REST client reports a throttled request once it has no retry left', async () => {
    emulator.faults.add({ kind: 'throttle', retryAfterSeconds: 0, pathPrefix: '/files/' });
    const error: unknown = await listOfFiles({}, { ...rest, retryThrottledRequestMaxTimes: 1 }).catch((caught: unknown) => caught);
    expect(error).toEqual(jasmine.any(RestClientError));
    expect((error as RestClientError).status).toBe(429);
    expect((error as RestClientError).message).toContain('Request was throttled.');
    expect(emulator.requests.list().length).toBe(2);
  });

  it('the upload client recognises RequestThrottledError, waits and retries the upload', async () => {
    emulator.faults.add({ kind: 'throttle', count: 1, retryAfterSeconds: 0, pathPrefix: '/base/' });
    const file = await upload.uploadFile(Buffer.from('throttled once'), { fileName: 'once.txt' });
    expect(file.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(emulator.requests.list().map((entry) => [entry.path, entry.status])).toEqual(
      jasmine.arrayContaining([
        ['/base/', 429],
        ['/base/', 200],
      ]),
    );
  });

  it('the upload client reports a server error with its code and message', async () => {
    emulator.faults.add({ kind: 'error', status: 500, pathPrefix: '/info/' });
    const error: unknown = await upload.info('3addab78-6368-4c55-ac08-22412b6a2a4c').catch((caught: unknown) => caught);
    expect(error).toEqual(jasmine.any(UploadError));
    expect((error as UploadError).code).toBe('UploadAPIError');
    expect((error as UploadError).message).toBe('Internal server error.');
  });
});
