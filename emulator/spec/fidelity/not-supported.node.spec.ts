import { useEmulatorForOfficialClients } from '../rest/support/official-settings.js';
import { PNG_3X2, PUBLIC_KEY, postForm } from '../upload/upload-api-helpers.js';

/**
 * What the emulator does not provide says so: a 501 JSON error naming the feature, never a plain 404 or 405 that reads
 * like a wrong path or method, nor a fake success: CDN operations that answer JSON.
 */
describe('emulator fidelity: features not emulated answer 501', () => {
  const env = useEmulatorForOfficialClients();

  it('answers CDN operations that return JSON 501, after checking them as the real CDN does', async () => {
    const uploaded = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: PNG_3X2, filename: 'pixel.png', type: 'image/png' } }, env.emulator.url);
    const image = uploaded.json['file'] as string;
    const json = await fetch(`${env.emulator.url}/${image}/-/json/`);
    expect([json.status, await json.json()]).toEqual([501, jasmine.objectContaining({ feature: 'The CDN operation -/json/' })]);
    expect((await fetch(`${env.emulator.url}/${image}/-/main_colors/x/`)).status).toBe(400);
  });
});
