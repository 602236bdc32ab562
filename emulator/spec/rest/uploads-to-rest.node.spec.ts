import { createHmac } from 'node:crypto';
import { UploadClient } from '@uploadcare/upload-client';
import { fileInfo, groupInfo, listOfFiles, UploadcareAuthSchema, type UserSettings } from '@uploadcare/rest-client';
import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { startHookReceiver, type HookReceiver } from './support/hook-receiver.js';
import { contractErrors, schemaErrors } from './support/openapi.js';
import { DEMO_KEYS, rest } from './support/signed-fetch.js';

// A real 1x1 RGBA PNG.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Both official clients on one emulator: what the Upload API creates, the REST API serves and webhooks announce. */
describe('emulator uploads seen through REST and webhooks', () => {
  let emulator: RunningEmulator;
  let receiver: HookReceiver;
  let upload: UploadClient;
  let settings: UserSettings;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    receiver = await startHookReceiver();
    upload = new UploadClient({ publicKey: DEMO_KEYS.publicKey, baseURL: emulator.url, baseCDN: emulator.url, retryNetworkErrorMaxTimes: 0 });
    settings = { authSchema: new UploadcareAuthSchema(DEMO_KEYS), apiBaseURL: `${emulator.url}/` };
  });

  afterAll(async () => {
    await emulator.close();
    await receiver.close();
  });

  it('announces an uploaded file by a signed webhook and serves its info, matching the contract', async () => {
    const secret = 'upload-hook-secret';
    const hook = await rest(emulator.url, {
      method: 'POST',
      path: '/webhooks/',
      body: { target_url: `${receiver.url}/uploaded`, event: 'file.uploaded', signing_secret: secret },
    });
    expect(hook.status).toBe(201);

    const uploaded = await upload.uploadFile(PIXEL, { fileName: 'pixel.png', contentType: 'image/png', metadata: { origin: 'spec' } });
    const delivery = await receiver.next();
    expect(delivery.headers['x-uc-signature']).toBe(`v1=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`);
    const payload = JSON.parse(delivery.body.toString('utf8')) as { data: { uuid: string } };
    expect(schemaErrors('webhookFilePayload', payload)).toBe('');
    expect(payload.data.uuid).toBe(uploaded.uuid);

    const info = await rest(emulator.url, { path: `/files/${uploaded.uuid}/` });
    expect(contractErrors('/files/{uuid}/', 'GET', 200, info.body)).toBe('');
    const official = await fileInfo({ uuid: uploaded.uuid }, settings);
    expect(official.originalFilename).toBe('pixel.png');
    expect(official.size).toBe(PIXEL.length);
    expect(official.metadata).toEqual({ origin: 'spec' });
    expect(official.contentInfo?.image).toEqual(jasmine.objectContaining({ width: 1, height: 1, format: 'PNG' }));
    expect(official.originalFileUrl).toBe(`${emulator.url}/${uploaded.uuid}/pixel.png`);

    const list = await listOfFiles({ limit: 10, ordering: '-datetime_uploaded' }, settings);
    expect(list.results[0]?.uuid).toBe(uploaded.uuid);
  });

  it('gives an original_file_url the CDN serves, whatever the filename', async () => {
    const bytes = Buffer.from('bytes behind a url');
    const uploaded = await upload.uploadFile(bytes, { fileName: 'my report #1 (final).txt', contentType: 'text/plain' });
    const info = await fileInfo({ uuid: uploaded.uuid }, settings);
    const response = await fetch(info.originalFileUrl as string);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  it('serves a group made by the Upload API, files in order', async () => {
    const a = await upload.uploadFile(Buffer.from('first'), { fileName: 'a.txt' });
    const b = await upload.uploadFile(Buffer.from('second'), { fileName: 'b.txt' });
    const group = await upload.uploadFileGroup([a.uuid, b.uuid]);
    const raw = await rest(emulator.url, { path: `/groups/${group.uuid}/` });
    expect(contractErrors('/groups/{uuid}/', 'GET', 200, raw.body)).toBe('');
    const info = await groupInfo({ uuid: group.uuid }, settings);
    expect(info.filesCount).toBe(2);
    expect(info.files?.map((file) => file?.uuid)).toEqual([a.uuid, b.uuid]);
  });
});
