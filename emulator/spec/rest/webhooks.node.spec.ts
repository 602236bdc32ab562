import { createHmac } from 'node:crypto';
import {
  createWebhook,
  deleteWebhook,
  listOfWebhooks,
  updateWebhook,
  UploadcareAuthSchema,
  WebhookEvent,
  type UserSettings,
} from '@uploadcare/rest-client';
import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { addFile } from './support/fixtures.js';
import { startHookReceiver, type HookReceiver, type ReceivedHook } from './support/hook-receiver.js';
import { schemaErrors } from './support/openapi.js';
import { DEMO_KEYS, rest } from './support/signed-fetch.js';

interface Payload {
  readonly hook: { readonly event: string; readonly target: string };
  readonly data: { readonly uuid: string; readonly datetime_stored: string | null; readonly datetime_removed: string | null };
  readonly file: string;
}

/** The documented check, written from Uploadcare's docs: `v1=` + hex HMAC-SHA256 of the raw body. */
function expectedSignature(secret: string, body: Buffer): string {
  return `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function payloadOf(hook: ReceivedHook): Payload {
  expect(hook.headers['content-type']).toBe('application/json');
  const payload = JSON.parse(hook.body.toString('utf8')) as unknown;
  expect(schemaErrors('webhookFilePayload', payload)).toBe('');
  return payload as Payload;
}

describe('emulator webhooks', () => {
  let emulator: RunningEmulator;
  let receiver: HookReceiver;

  beforeEach(async () => {
    emulator = await startEmulator({ port: 0 });
    receiver = await startHookReceiver();
  });

  afterEach(async () => {
    await emulator.close();
    await receiver.close();
  });

  async function subscribe(event: string, fields: Record<string, unknown> = {}): Promise<{ id: number; target_url: string }> {
    const response = await rest(emulator.url, {
      method: 'POST',
      path: '/webhooks/',
      body: { target_url: `${receiver.url}/hooks/${event}`, event, ...fields },
    });
    expect(response.status).withContext(JSON.stringify(response.body)).toBe(201);
    return response.body as { id: number; target_url: string };
  }

  it('POSTs file.uploaded, file.stored and file.deleted, each signed with the webhook secret', async () => {
    const secret = 'whsec-7kMVZivndx0Erg';
    for (const event of ['file.uploaded', 'file.stored', 'file.deleted']) await subscribe(event, { signing_secret: secret });

    const file = await addFile(emulator);
    const uploaded = await receiver.next();
    expect(uploaded.path).toBe('/hooks/file.uploaded');
    expect(uploaded.headers['x-uc-signature']).toBe(expectedSignature(secret, uploaded.body));
    const uploadedPayload = payloadOf(uploaded);
    expect(uploadedPayload.hook.event).toBe('file.uploaded');
    expect(uploadedPayload.data.uuid).toBe(file.uuid);
    expect(uploadedPayload.file).toBe(`${emulator.url}/${file.uuid}/hello.txt`);

    expect((await rest(emulator.url, { method: 'PUT', path: `/files/${file.uuid}/storage/` })).status).toBe(200);
    const stored = await receiver.next();
    expect(stored.headers['x-uc-signature']).toBe(expectedSignature(secret, stored.body));
    expect(payloadOf(stored).data.datetime_stored).not.toBeNull();

    expect((await rest(emulator.url, { method: 'DELETE', path: `/files/${file.uuid}/storage/` })).status).toBe(200);
    const deleted = await receiver.next();
    expect(deleted.path).toBe('/hooks/file.deleted');
    expect(deleted.headers['x-uc-signature']).toBe(expectedSignature(secret, deleted.body));
    expect(payloadOf(deleted).data.datetime_removed).not.toBeNull();
  });

  it('sends no signature without a secret, and nothing to inactive or other-event webhooks', async () => {
    await subscribe('file.uploaded', { is_active: false });
    await subscribe('file.stored');
    await subscribe('file.deleted', { signing_secret: 'unused' });
    const file = await addFile(emulator);
    await rest(emulator.url, { method: 'PUT', path: `/files/${file.uuid}/storage/` });
    const hook = await receiver.next();
    expect(hook.path).toBe('/hooks/file.stored');
    expect(hook.headers['x-uc-signature']).toBeUndefined();
    // The upload event was dispatched before the store event, so a wrongly active hook would most likely be here.
    expect(receiver.pending()).toEqual([]);
  });

  it('stops delivering after unsubscribe', async () => {
    const hook = await subscribe('file.uploaded');
    const canary = await subscribe('file.stored');
    const response = await rest(emulator.url, { method: 'DELETE', path: '/webhooks/unsubscribe/', body: { target_url: hook.target_url } });
    expect(response.status).toBe(204);
    const file = await addFile(emulator);
    await rest(emulator.url, { method: 'PUT', path: `/files/${file.uuid}/storage/` });
    expect((await receiver.next()).path).toBe(new URL(canary.target_url).pathname);
    expect(receiver.pending()).toEqual([]);
  });

  it('is managed by the official rest-client: create, list, update, delete', async () => {
    const settings: UserSettings = { authSchema: new UploadcareAuthSchema(DEMO_KEYS), apiBaseURL: `${emulator.url}/` };
    const targetUrl = `${receiver.url}/official`;
    const created = await createWebhook({ targetUrl, event: WebhookEvent.FILE_UPLOADED, isActive: true, signingSecret: 'abc' }, settings);
    expect(created.targetUrl).toBe(targetUrl);
    expect(created.isActive).toBeTrue();
    expect((await listOfWebhooks({}, settings)).map((hook) => hook.id)).toEqual([created.id]);
    const updated = await updateWebhook({ id: created.id, isActive: false }, settings);
    expect(updated.isActive).toBeFalse();
    await deleteWebhook({ targetUrl }, settings);
    expect(await listOfWebhooks({}, settings)).toEqual([]);
  });

  it('POSTs file.info_updated with the previous metadata when metadata changes', async () => {
    const secret = 'info-secret';
    await subscribe('file.info_updated', { signing_secret: secret });
    const file = await addFile(emulator, { metadata: { pet: 'cat' } });
    const response = await rest(emulator.url, { method: 'PUT', path: `/files/${file.uuid}/metadata/pet/`, body: 'dog' });
    expect(response.status).toBe(200);
    const hook = await receiver.next();
    expect(hook.headers['x-uc-signature']).toBe(expectedSignature(secret, hook.body));
    const payload = JSON.parse(hook.body.toString('utf8')) as { data: { metadata: unknown }; previous_values: unknown };
    expect(schemaErrors('webhookFileInfoUpdatedPayload', payload)).toBe('');
    expect(payload.data.metadata).toEqual({ pet: 'dog' });
    expect(payload.previous_values).toEqual({ metadata: { pet: 'cat' } });
  });

  it('refuses a second webhook with the same target and event', async () => {
    await subscribe('file.uploaded');
    const again = await rest(emulator.url, {
      method: 'POST',
      path: '/webhooks/',
      body: { target_url: `${receiver.url}/hooks/file.uploaded`, event: 'file.uploaded' },
    });
    expect(again.status).toBe(400);
  });
});
