import { jpeg, translucentPng, useImageCdn } from './image-cdn-helpers.js';

/**
 * `-/format/auto/` (the default once an operation applies) picks the format from `Accept` as
 * https://uploadcare.com/docs/transformations/image/compression/#operation-format says: AVIF, else WebP, else JPEG for
 * an opaque image and PNG for a transparent one; the answer varies with `Accept`, and each variant is its own.
 */
describe('emulator CDN: format auto', () => {
  const cdn = useImageCdn();
  let photo: string;
  let logo: string;

  beforeAll(async () => {
    photo = await cdn.upload(await jpeg(120, 90), 'photo.jpg', 'image/jpeg');
    logo = await cdn.upload(await translucentPng(60, 30), 'logo.png', 'image/png');
  });

  const cases: readonly [string, string | undefined, string, string][] = [
    ['photo', 'image/avif,image/webp,image/apng,*/*;q=0.8', 'heif', 'image/avif'],
    ['photo', 'image/webp,*/*', 'webp', 'image/webp'],
    ['photo', 'image/avif;q=0,image/webp', 'webp', 'image/webp'],
    ['photo', '*/*', 'jpeg', 'image/jpeg'],
    ['photo', undefined, 'jpeg', 'image/jpeg'],
    ['logo', 'image/png,*/*', 'png', 'image/png'],
    ['logo', 'image/webp', 'webp', 'image/webp'],
  ];

  for (const [source, accept, format, contentType] of cases) {
    it(`gives ${format} of the ${source} for Accept: ${accept ?? '(none)'}, varying with Accept`, async () => {
      for (const effects of ['preview/50x50/-/format/auto/', 'preview/50x50/']) {
        const answer = await cdn.get(`${source === 'photo' ? photo : logo}/-/${effects}`, accept);
        expect([answer.format, answer.headers.get('Content-Type'), answer.headers.get('Vary')]).withContext(effects).toEqual([format, contentType, 'Origin, Accept']);
      }
    });
  }

  it('keeps an explicit format whatever Accept says, not varying with it', async () => {
    const answer = await cdn.get(`${photo}/-/preview/50x50/-/format/png/`, 'image/avif,image/webp');
    expect([answer.format, answer.headers.get('Vary')]).toEqual(['png', 'Origin']);
  });

  it('serves the original bytes, untouched, when no operation applies', async () => {
    const original = await jpeg(120, 90);
    const uuid = await cdn.upload(original, 'same.jpg', 'image/jpeg');
    for (const path of [`${uuid}/`, `${uuid}/-/inline/yes/`]) {
      const answer = await cdn.get(path, 'image/avif');
      expect(answer.body.equals(original)).withContext(path).toBeTrue();
    }
  });
});
