import { PUBLIC_KEY, postForm } from '../upload/upload-api-helpers.js';
import { jpeg, translucentPng, useImageCdn } from './image-cdn-helpers.js';

/**
 * Each image operation applied by the emulator's CDN: the answer decoded (sharp) has the dimensions and format the
 * real service gives, per Uploadcare's URL API reference. Source: a 400x300 opaque JPEG, a 200x100 PNG half
 * transparent; no `Accept` (so `auto`, the default, gives JPEG for opaque and PNG for transparent results).
 */
describe('emulator CDN: image operations', () => {
  const cdn = useImageCdn();
  let photo: string;
  let logo: string;

  beforeAll(async () => {
    photo = await cdn.upload(await jpeg(400, 300), 'photo.jpg', 'image/jpeg');
    logo = await cdn.upload(await translucentPng(200, 100), 'logo.png', 'image/png');
  });

  const cases: readonly [string, 'photo' | 'logo', string, number, number][] = [
    ['preview/100x100/', 'photo', 'jpeg', 100, 75],
    ['preview/', 'photo', 'jpeg', 400, 300], // never scaled up; default box 2048x2048
    ['preview/1000x1000/', 'photo', 'jpeg', 400, 300],
    ['resize/200x/', 'photo', 'jpeg', 200, 150],
    ['resize/x60/', 'photo', 'jpeg', 80, 60],
    ['resize/100x100/', 'photo', 'jpeg', 100, 100],
    ['resize/800x/', 'photo', 'jpeg', 800, 600], // stretch on by default
    ['stretch/off/-/resize/800x/', 'photo', 'jpeg', 400, 300],
    ['stretch/fill/-/resize/800x/', 'photo', 'jpeg', 800, 600],
    ['smart_resize/300x400/', 'photo', 'jpeg', 300, 400],
    ['crop/100x50/', 'photo', 'jpeg', 100, 50],
    ['crop/100x50/center/', 'photo', 'jpeg', 100, 50],
    ['crop/100x50/10,20/', 'photo', 'jpeg', 100, 50],
    ['crop/50px50p/', 'photo', 'jpeg', 200, 150],
    ['crop/100x50/50p,50p/', 'photo', 'jpeg', 100, 50],
    ['crop/1:1/center/', 'photo', 'jpeg', 300, 300],
    ['crop/500x100/', 'photo', 'jpeg', 500, 100], // past the edge: filled
    ['crop/face/1:1/', 'photo', 'jpeg', 300, 300],
    ['scale_crop/100x100/', 'photo', 'jpeg', 100, 100],
    ['scale_crop/100x100/center/', 'photo', 'jpeg', 100, 100],
    ['scale_crop/100x100/smart/', 'photo', 'jpeg', 100, 100],
    ['scale_crop/100x100/30p,70p/', 'photo', 'jpeg', 100, 100],
    ['format/jpeg/', 'logo', 'jpeg', 200, 100],
    ['format/png/', 'photo', 'png', 400, 300],
    ['format/webp/', 'photo', 'webp', 400, 300],
    ['format/avif/', 'photo', 'heif', 400, 300],
    ['format/preserve/', 'logo', 'png', 200, 100],
    ['quality/lightest/', 'photo', 'jpeg', 400, 300],
    ['progressive/yes/', 'photo', 'jpeg', 400, 300],
    ['rotate/90/', 'photo', 'jpeg', 300, 400],
    ['rotate/180/', 'photo', 'jpeg', 400, 300],
    ['autorotate/no/', 'photo', 'jpeg', 400, 300],
    ['flip/', 'photo', 'jpeg', 400, 300],
    ['mirror/', 'photo', 'jpeg', 400, 300],
    ['grayscale/', 'photo', 'jpeg', 400, 300],
    ['invert/', 'photo', 'jpeg', 400, 300],
    ['enhance/', 'photo', 'jpeg', 400, 300],
    ['enhance/80/', 'photo', 'jpeg', 400, 300],
    ['sharp/', 'photo', 'jpeg', 400, 300],
    ['sharp/20/', 'photo', 'jpeg', 400, 300],
    ['blur/', 'photo', 'jpeg', 400, 300],
    ['blur/100/', 'photo', 'jpeg', 400, 300],
    ['blur/10/50/', 'photo', 'jpeg', 400, 300],
    ['blur_region/100x50/10,10/', 'photo', 'jpeg', 400, 300],
    ['blur_region/50px50p/10p,10p/30/', 'photo', 'jpeg', 400, 300],
    ['blur_region/faces/', 'photo', 'jpeg', 400, 300],
    ['brightness/50/-/contrast/-20/-/saturation/30/-/exposure/100/-/warmth/-50/-/vibrance/40/-/gamma/120/', 'photo', 'jpeg', 400, 300],
    ['filter/adaris/', 'photo', 'jpeg', 400, 300],
    ['setfill/ff0000/-/crop/500x400/', 'photo', 'jpeg', 500, 400],
    ['strip_meta/all/', 'photo', 'jpeg', 400, 300],
    ['srgb/icc/-/max_icc_size/10/', 'photo', 'jpeg', 400, 300],
    ['border_radius/20/', 'photo', 'png', 400, 300], // transparent corners
    ['border_radius/50p/-/setfill/ffffff/-/format/jpeg/', 'photo', 'jpeg', 400, 300],
    ['border_radius/10,20p/5,10/', 'photo', 'png', 400, 300],
    ['overlay/self/', 'photo', 'jpeg', 400, 300],
    ['overlay/self/50px50p/center/50p/', 'photo', 'jpeg', 400, 300],
    ['overlay/self/50px50p/20p/', 'photo', 'jpeg', 400, 300], // size and opacity, no position (the reference's example)
    ['overlay/self/10p,90p/', 'photo', 'jpeg', 400, 300],
    ['inline/yes/-/preview/50x50/', 'photo', 'jpeg', 50, 38],
    ['preview/100x100/', 'logo', 'png', 100, 50],
    ['grayscale/', 'logo', 'png', 200, 100],
    ['preview/2048x2048/-/resize/3000x/', 'photo', 'jpeg', 3000, 2250],
    ['format/jpeg/-/resize/5000x/', 'photo', 'jpeg', 5000, 3750],
  ];

  for (const [effects, source, format, width, height] of cases) {
    it(`makes ${width}x${height} ${format} of ${source} -/${effects}`, async () => {
      const answer = await cdn.get(`${source === 'photo' ? photo : logo}/-/${effects}`);
      expect([answer.status, answer.format, answer.width, answer.height]).toEqual([200, format, width, height]);
      expect(answer.headers.get('Content-Type')).toBe(format === 'heif' ? 'image/avif' : `image/${format}`);
      expect(answer.headers.get('Content-Length')).toBe(String(answer.body.length));
    });
  }

  it('draws another image of the project over this one', async () => {
    const answer = await cdn.get(`${photo}/-/overlay/${logo}/50px50p/center/80p/`);
    expect([answer.status, answer.format, answer.width, answer.height]).toEqual([200, 'jpeg', 400, 300]);
  });

  it('turns an image by its EXIF orientation, unless -/autorotate/no/', async () => {
    const turned = await cdn.upload(await jpeg(400, 300, 6), 'turned.jpg', 'image/jpeg');
    expect(await cdn.get(`${turned}/-/preview/`).then((answer) => [answer.width, answer.height])).toEqual([300, 400]);
    expect(await cdn.get(`${turned}/-/resize/150x/`).then((answer) => [answer.width, answer.height])).toEqual([150, 200]);
    expect(await cdn.get(`${turned}/-/autorotate/no/-/preview/`).then((answer) => [answer.width, answer.height])).toEqual([400, 300]);
  });

  it('applies operations on a group member and before a filename', async () => {
    const group = await postForm('/group/?jsonerrors=1', { pub_key: PUBLIC_KEY, 'files[0]': logo, 'files[1]': photo }, cdn.emulator().url);
    const answer = await cdn.get(`${group.json['id'] as string}/nth/1/-/preview/40x40/-/format/png/thumb.png`);
    expect([answer.format, answer.width, answer.height]).toEqual(['png', 40, 30]);
    expect(answer.headers.get('Content-Disposition')).toContain('thumb.png');
  });

  it('answers -/inline/no/ as a download, ranges of a made image, and 304 to its ETag', async () => {
    const whole = await cdn.get(`${photo}/-/preview/80x80/-/inline/no/`);
    expect(whole.headers.get('Content-Disposition')).toMatch(/^attachment;/);
    const etag = whole.headers.get('ETag')!;
    const url = `${cdn.emulator().url}/${photo}/-/preview/80x80/-/inline/no/`;
    const part = await fetch(url, { headers: { Range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(whole.body.subarray(0, 10));
    expect((await fetch(url, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });
});
