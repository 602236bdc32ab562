import { heroImage, THUMBNAIL, thumbnailUrl, uploadAndFetchThumbnail } from '../../docs/examples/images/thumbnails.js';
import { File } from '../../lib/resources/file.js';
import { countingClient } from '../resources/support/clients.js';
import { PNG_1X1 } from '../resources/support/uploads.js';

const UUID = '3addab78-6368-4c55-ac08-22412b6a2a4c';

// The examples of docs/images.md.
describe('docs examples (images)', () => {
  it('thumbnailUrl: a smart square in the best format, no request', () => {
    const uc = countingClient();
    expect(String(THUMBNAIL)).toBe('-/scale_crop/300x300/smart/-/format/auto/-/quality/smart/');
    expect(thumbnailUrl(new File(UUID, uc))).toBe(`${uc.options.cdnBase}${UUID}/-/scale_crop/300x300/smart/-/format/auto/-/quality/smart/`);
    expect(uc.calls.length).toBe(0);
  });

  it('heroImage: srcset with format/auto, and picture sources AVIF, WebP, then a JPEG img', () => {
    const uc = countingClient();
    const { srcset, picture } = heroImage(new File(UUID, uc));
    const base = `${uc.options.cdnBase}${UUID}/-/scale_crop/1600x900/smart_faces_objects/-/quality/smart/`;
    expect(srcset.split(', ')).toEqual([`${base}-/format/auto/-/resize/480x/ 480w`, `${base}-/format/auto/-/resize/960x/ 960w`, `${base}-/format/auto/-/resize/1600x/ 1600w`]);
    expect(picture.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    expect(picture.img.src).toBe(`${base}-/format/jpeg/-/resize/1600x/`);
  });

  it('uploadAndFetchThumbnail: the CDN answers the transformed URL with a PNG image', async () => {
    expect(await uploadAndFetchThumbnail(countingClient(), PNG_1X1)).toBe('image/png');
  });
});
