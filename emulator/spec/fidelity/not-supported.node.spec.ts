import { AddonName, executeAddon, getTags, replaceTags, RestClientError } from '@uploadcare/rest-client';
import { addFile } from '../rest/support/fixtures.js';
import { useEmulatorForOfficialClients } from '../rest/support/official-settings.js';
import { rest } from '../rest/support/signed-fetch.js';
import { PNG_3X2, PUBLIC_KEY, patternBytes, postForm } from '../upload/upload-api-helpers.js';

/**
 * What the emulator does not provide says so: a 501 JSON error naming the feature, never a plain 404 or 405 that reads
 * like a wrong path or method, nor a fake success. File tags (REST and `tags` on uploads), conversions, add-ons, and
 * the CDN operations it does not perform (face lists, video, text and colour overlays, trimming).
 */
describe('emulator fidelity: features not emulated answer 501', () => {
  const env = useEmulatorForOfficialClients();

  it('answers /files/{uuid}/tags/ of an existing file 501 naming file tags, whatever the method; 404 for no such file', async () => {
    const file = await addFile(env.emulator);
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
      const answer = await rest(env.emulator.url, { method, path: `/files/${file.uuid}/tags/`, body: method === 'PUT' || method === 'PATCH' ? ['cat'] : undefined });
      expect([answer.status, answer.body]).withContext(method).toEqual([501, { detail: 'File tags (/files/{uuid}/tags/) is not supported by the emulator.', feature: 'File tags (/files/{uuid}/tags/)' }]);
    }
    expect((await rest(env.emulator.url, { path: `/files/${env.emulator.store.newUuid()}/tags/` })).status).toBe(404);
  });

  it('refuses an upload with tags, 501 in the envelope, keeping nothing', async () => {
    const before = env.emulator.store.filesOf(PUBLIC_KEY).length;
    const answer = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, tags: 'cat,dog', file: { bytes: patternBytes(5), filename: 'a.bin' } }, env.emulator.url);
    expect(answer.json).toEqual({ error: { status_code: 501, content: 'File tags (`tags`) is not supported by the emulator.', error_code: 'EmulatorFeatureNotSupportedError' } });
    const text = await postForm('/from_url/', { pub_key: PUBLIC_KEY, tags: 'cat', source_url: 'http://127.0.0.1:9/a' }, env.emulator.url);
    expect(text.status).toBe(501);
    expect(env.emulator.store.filesOf(PUBLIC_KEY).length).toBe(before);
  });

  it('answers the CDN operations it does not perform 501, after checking the chain as the real CDN does', async () => {
    const uploaded = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: PNG_3X2, filename: 'pixel.png', type: 'image/png' } }, env.emulator.url);
    const image = uploaded.json['file'] as string;
    for (const operation of ['detect_faces', 'gif2video', 'text', 'rect', 'trim']) {
      const answer = await fetch(`${env.emulator.url}/${image}/-/preview/-/${operation}/`);
      expect([answer.status, await answer.json()]).toEqual([501, jasmine.objectContaining({ feature: `The CDN operation -/${operation}/` })]);
    }
    expect((await fetch(`${env.emulator.url}/${image}/-/main_colors/x/-/detect_faces/`)).status).toBe(400);
  });

  it('shows the official REST client a 501 for tags and add-ons', async () => {
    const file = await addFile(env.emulator);
    for (const call of [() => getTags({ uuid: file.uuid }, env.settings), () => replaceTags({ uuid: file.uuid, tags: ['cat'] }, env.settings), () => executeAddon({ addonName: AddonName.REMOVE_BG, target: file.uuid }, env.settings)]) {
      const error = await call().then(() => undefined, (thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(RestClientError);
      expect((error as RestClientError).status).toBe(501);
    }
  });
});
