import { jpeg, useImageCdn } from './image-cdn-helpers.js';
import { patternBytes } from '../upload/upload-api-helpers.js';

/** A PNG header claiming `width`x`height` pixels: the emulator reads image sizes from headers, as the real service does. */
function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.from('89504e470d0a1a0a0000000d4948445200000000000000000806000000000000000000000049454e44ae426082', 'hex');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

/**
 * What the real CDN refuses, the emulator refuses with 400 and a plain-text `Bad Request: ...` naming the rule:
 * image operations on what is not an image to it (other files, images above 75 Mpx), sizes above 3000 (5000 with
 * `-/format/jpeg/`), malformed and out-of-range arguments, unknown operations, JSON operations not last, overlays
 * that are not images of the account.
 */
describe('emulator CDN: refusals', () => {
  const cdn = useImageCdn();
  let photo: string;

  beforeAll(async () => {
    photo = await cdn.upload(await jpeg(40, 30), 'photo.jpg', 'image/jpeg');
  });

  async function expectRefused(path: string, message: string | RegExp): Promise<void> {
    const answer = await cdn.get(path);
    expect(answer.status).withContext(path).toBe(400);
    expect(answer.headers.get('Content-Type')).toContain('text/plain');
    expect(answer.body.toString()).withContext(path).toMatch(message);
  }

  it('refuses image operations on a file that is not an image, and on an image above 75 Mpx', async () => {
    const text = await cdn.upload(Buffer.from(patternBytes(64)), 'notes.txt', 'text/plain');
    await expectRefused(`${text}/-/preview/`, /^Bad Request: "preview" applies to images only; the file is not an image\.$/);
    await expectRefused(`${text}/-/json/`, /not an image/);
    const huge = await cdn.upload(pngHeader(10_000, 7_501), 'huge.png', 'image/png');
    await expectRefused(`${huge}/-/resize/100x/`, /"resize" applies to images only; the file is not an image/);
    expect((await cdn.get(`${huge}/`)).status).toBe(200); // delivered as-is
  });

  it('refuses dimensions above 3000, or above 5000 with format/jpeg', async () => {
    for (const effects of ['preview/3001x10/', 'resize/x3001/', 'scale_crop/3001x3001/', 'smart_resize/10x3001/', 'crop/3001x10/', 'format/jpeg/-/resize/5001x/']) {
      await expectRefused(`${photo}/-/${effects}`, /dimensions exceed the maximum of (3000x3000|5000x5000)\.$/);
    }
    expect((await cdn.get(`${photo}/-/resize/3000x/`)).status).toBe(200);
  });

  it('refuses malformed and out-of-range arguments, naming the operation', async () => {
    const cases = [
      'resize/0x10/', 'resize/x/', 'preview/10x/', 'crop/10x10/middle/', 'crop/101px10/', 'scale_crop/10x/', 'rotate/45/', 'format/gif/',
      'quality/max/', 'progressive/maybe/', 'enhance/101/', 'sharp/21/', 'blur/5001/', 'blur/10/101/', 'brightness/101/', 'contrast/-101/',
      'zoom_objects/0/', 'setfill/red/', 'border_radius/1,2,3,4,5/', 'overlay/self/50px50p/center/101p/', 'strip_meta/some/', 'srgb/slow/',
      'max_icc_size/-1/', 'main_colors/0/', 'main_colors/65/', 'inline/maybe/', 'grayscale/yes/', 'blur_region/10x10/',
    ];
    for (const effects of cases) {
      const name = effects.split('/')[0] ?? '';
      await expectRefused(`${photo}/-/${effects}`, `Bad Request: Invalid arguments of "${name}": `);
    }
  });

  it('refuses an unknown operation and JSON operations that are not last', async () => {
    await expectRefused(`${photo}/-/frobnicate/`, 'Bad Request: Unknown operation "frobnicate".');
    await expectRefused(`${photo}/-/json/-/preview/`, 'Bad Request: "json" must be the last operation.');
    await expectRefused(`${photo}/-/main_colors/-/flip/`, 'Bad Request: "main_colors" must be the last operation.');
  });

  it('refuses an overlay that is not an image of the account', async () => {
    const text = await cdn.upload(Buffer.from(patternBytes(64)), 'notes.txt', 'text/plain');
    await expectRefused(`${photo}/-/overlay/${text}/`, /^Bad Request: "overlay" applies to images only/);
    await expectRefused(`${photo}/-/overlay/00000000-0000-4000-8000-000000000000/`, /is not a file of this account/);
  });

  it('refuses an image whose bytes cannot be decoded', async () => {
    const broken = await cdn.upload(pngHeader(30, 20), 'broken.png', 'image/png');
    await expectRefused(`${broken}/-/preview/`, /^Bad Request: the image cannot be processed/);
  });
});
