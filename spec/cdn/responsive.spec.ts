import { DEFAULT_PICTURE_FORMATS, pictureSources, srcset } from '../../lib/cdn/responsive.js';
import { ImageTransformation } from '../../lib/cdn/transformations/image-transformation.js';
import { File } from '../../lib/resources/file.js';
import { UploadcareClient } from '../../lib/core/client.js';
import { refusalOf } from './support.js';

const UUID = '3addab78-6368-4c55-ac08-22412b6a2a4c';
const BASE = `https://ucarecdn.com/${UUID}/`;

describe('srcset', () => {
  it('lists the image resized to each width after the transformation, with w descriptors', () => {
    expect(srcset(BASE, [320, 640])).toBe(`${BASE}-/resize/320x/ 320w, ${BASE}-/resize/640x/ 640w`);
    const t = new ImageTransformation().scaleCrop(1600, 900, { type: 'smart' }).format('auto').quality('smart');
    expect(srcset(BASE, [400], t)).toBe(`${BASE}-/scale_crop/1600x900/smart/-/format/auto/-/quality/smart/-/resize/400x/ 400w`);
  });

  it("takes a File (its CDN URL, default effects included) or a CDN URL with effects", () => {
    const client = new UploadcareClient({ publicKey: 'demopublickey', cdnBase: 'http://127.0.0.1:9/' });
    const file = new File(UUID, client);
    file.defaultEffects = new ImageTransformation().grayscale();
    expect(srcset(file, [100])).toBe(`http://127.0.0.1:9/${UUID}/-/grayscale/-/resize/100x/ 100w`);
    expect(srcset(`//ucarecdn.com/${UUID}/-/preview/`, [100])).toBe(`//ucarecdn.com/${UUID}/-/preview/-/resize/100x/ 100w`);
  });

  it('refuses a source that is not a CDN URL ending in /, and widths that are missing, out of range or repeated', () => {
    expect(refusalOf(() => srcset(`${BASE}photo.jpg`, [100])).rule).toBe('cdn-url');
    expect(refusalOf(() => srcset(`${BASE}?x=1/`, [100])).rule).toBe('cdn-url');
    expect(refusalOf(() => srcset(UUID, [100])).rule).toBe('cdn-url');
    expect(refusalOf(() => srcset(BASE, [])).rule).toBe('required');
    const tooWide = refusalOf(() => srcset(BASE, [100, 5001]));
    expect([tooWide.operation, tooWide.argument, tooWide.rule]).toEqual(['srcset', 'widths[1]', 'range']);
    expect(refusalOf(() => srcset(BASE, [100, 100])).rule).toBe('unique');
  });
});

describe('pictureSources', () => {
  it('gives one source per format (AVIF then WebP by default) and a JPEG img at the largest width', () => {
    const picture = pictureSources(BASE, { widths: [320, 640], transformation: new ImageTransformation().preview(2000, 2000) });
    expect(DEFAULT_PICTURE_FORMATS).toEqual(['avif', 'webp']);
    expect(picture.sources).toEqual([
      { type: 'image/avif', srcset: `${BASE}-/preview/2000x2000/-/format/avif/-/resize/320x/ 320w, ${BASE}-/preview/2000x2000/-/format/avif/-/resize/640x/ 640w` },
      { type: 'image/webp', srcset: `${BASE}-/preview/2000x2000/-/format/webp/-/resize/320x/ 320w, ${BASE}-/preview/2000x2000/-/format/webp/-/resize/640x/ 640w` },
    ]);
    expect(picture.img.src).toBe(`${BASE}-/preview/2000x2000/-/format/jpeg/-/resize/640x/`);
    expect(picture.img.srcset).toBe(`${BASE}-/preview/2000x2000/-/format/jpeg/-/resize/320x/ 320w, ${BASE}-/preview/2000x2000/-/format/jpeg/-/resize/640x/ 640w`);
  });

  it('takes the formats and the fallback format', () => {
    const picture = pictureSources(BASE, { widths: [100], formats: ['webp'], fallback: 'preserve' });
    expect(picture.sources).toEqual([{ type: 'image/webp', srcset: `${BASE}-/format/webp/-/resize/100x/ 100w` }]);
    expect(picture.img.src).toBe(`${BASE}-/format/preserve/-/resize/100x/`);
  });

  it('refuses a transformation that already sets a format, and bad formats', () => {
    const error = refusalOf(() => pictureSources(BASE, { widths: [100], transformation: new ImageTransformation().format('auto') }));
    expect([error.operation, error.argument, error.rule]).toEqual(['pictureSources', 'transformation', 'format-conflict']);
    expect(refusalOf(() => pictureSources(BASE, { widths: [100], formats: ['gif' as never] })).rule).toBe('one-of');
  });
});
