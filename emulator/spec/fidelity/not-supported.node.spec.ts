import { useEmulatorForOfficialClients } from '../rest/support/official-settings.js';
import { PNG_3X2, PUBLIC_KEY, postForm } from '../upload/upload-api-helpers.js';

/**
 * What the emulator does not provide says so: a 501 JSON error naming the feature, never a plain 404 or 405 that reads
 * like a wrong path or method, nor a fake success: the CDN operations it does not perform (face lists, video, text and
 * colour overlays, trimming).
 */
describe('emulator fidelity: features not emulated answer 501', () => {
  const env = useEmulatorForOfficialClients();

  it('answers the CDN operations it does not perform 501, after checking the chain as the real CDN does', async () => {
    const uploaded = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: PNG_3X2, filename: 'pixel.png', type: 'image/png' } }, env.emulator.url);
    const image = uploaded.json['file'] as string;
    for (const operation of ['detect_faces', 'gif2video', 'text', 'rect', 'trim']) {
      const answer = await fetch(`${env.emulator.url}/${image}/-/preview/-/${operation}/`);
      expect([answer.status, await answer.json()]).toEqual([501, jasmine.objectContaining({ feature: `The CDN operation -/${operation}/` })]);
    }
    expect((await fetch(`${env.emulator.url}/${image}/-/main_colors/x/-/detect_faces/`)).status).toBe(400);
  });
});
