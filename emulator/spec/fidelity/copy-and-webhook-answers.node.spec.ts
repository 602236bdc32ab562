import { copyFileToLocalStorage, createWebhook, WebhookEvent } from '@uploadcare/rest-client';
import { addFile } from '../rest/support/fixtures.js';
import { useEmulatorForOfficialClients } from '../rest/support/official-settings.js';
import { rest } from '../rest/support/signed-fetch.js';

/**
 * Answers shaped as the real service's recordings show them (pyuploadcare's cassettes): `POST /files/local_copy/` points
 * `Location` at the new file's REST URL; a webhook's answer has no `version` key.
 */
describe('emulator fidelity: local copy Location and webhook answers', () => {
  const env = useEmulatorForOfficialClients();

  it('answers a local copy 201 with Location: the new file REST URL', async () => {
    const file = await addFile(env.emulator);
    const answer = await rest(env.emulator.url, { method: 'POST', path: '/files/local_copy/', body: { source: `${file.uuid}/-/effect/flip/`, store: true } });
    expect(answer.status).toBe(201);
    const result = (answer.body as { result: { uuid: string; url: string } }).result;
    expect(answer.headers.get('location')).toBe(`${env.emulator.url}/files/${result.uuid}/`);
    expect(result.url).toBe(answer.headers.get('location')!);
  });

  it('answers webhooks with the recorded keys only', async () => {
    const answer = await rest(env.emulator.url, { method: 'POST', path: '/webhooks/', body: { event: 'file.uploaded', target_url: 'https://hooks.example/x', is_active: true } });
    expect(answer.status).toBe(201);
    expect(Object.keys(answer.body as object).sort()).toEqual(['created', 'event', 'id', 'is_active', 'project', 'signing_secret', 'target_url', 'updated']);
    const listed = await rest(env.emulator.url, { path: '/webhooks/' });
    for (const hook of listed.body as object[]) expect(Object.keys(hook)).not.toContain('version');
  });

  it('serves the official REST client a copy and a webhook', async () => {
    const file = await addFile(env.emulator);
    const copy = await copyFileToLocalStorage({ source: file.uuid, store: true }, env.settings);
    expect(copy.result.uuid).not.toBe(file.uuid);
    const hook = await createWebhook({ targetUrl: 'https://hooks.example/y', event: WebhookEvent.FILE_UPLOADED }, env.settings);
    expect(hook.targetUrl).toBe('https://hooks.example/y');
  });
});
