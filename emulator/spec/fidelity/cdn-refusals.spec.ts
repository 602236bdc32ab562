import { testEnv } from '../../../spec/support/test-env.js';
import { DECODABLE_PNG_3X2 } from '../cdn/image-fixtures.js';
import { patternBytes, uploadBytes } from '../upload/upload-api-helpers.js';

/**
 * The CDN refuses what the real one refuses (400): image operations on a file that is not an image, operations it does
 * not know, and malformed arguments. What it takes it serves (emulator/spec/cdn/ checks what it makes).
 */
describe('emulator fidelity: CDN operations refused', () => {
  let text: string;
  let image: string;
  const get = (path: string): Promise<Response> => fetch(`${testEnv().emulatorUrl}/${path}`, { cache: 'no-store' });

  beforeAll(async () => {
    text = await uploadBytes(patternBytes(100, 4), 'notes.txt', 'text/plain');
    image = await uploadBytes(DECODABLE_PNG_3X2, 'pixel.png', 'image/png');
  });

  it('answers 400 to image operations on a file that is not an image', async () => {
    for (const effects of ['resize/200x/', 'preview/', 'format/webp/', 'inline/yes/-/flip/']) {
      const response = await get(`${text}/-/${effects}`);
      expect(response.status).withContext(effects).toBe(400);
      expect(await response.text()).toContain('not an image');
    }
  });

  it('answers 400 to unknown operations and malformed arguments, on images too', async () => {
    for (const effects of ['resize/big/', 'resize/', 'resize/200x/300x/', 'frobnicate/', 'format/bmp/', 'quality/ultra/', 'rotate/left/', 'crop/10x10/nowhere/', 'preview/3001x10/', 'json/-/flip/']) {
      expect((await get(`${image}/-/${effects}`)).status).withContext(effects).toBe(400);
    }
  });

  it('serves what it takes: image operations on an image, inline on any file', async () => {
    for (const path of [`${image}/-/resize/200x/-/format/webp/-/quality/smart/`, `${image}/-/scale_crop/10x10/center/pic.png`, `${image}/-/crop/2x1/0,0/`, `${image}/-/preview/`, `${text}/-/inline/yes/`]) {
      expect((await get(path)).status).withContext(path).toBe(200);
    }
  });
});
