import sharp from 'sharp';
import { ImageTransformation } from '../../lib/cdn/transformations/image-transformation.js';
import { testEnv } from '../support/test-env.js';

/**
 * Every operation the builder writes, as the emulator's CDN (which applies them with sharp) reads it: each path the
 * builder renders is served, as an image or, for the info endpoints, as JSON. The builder and the CDN are written
 * from the same reference independently; this keeps them agreeing.
 */
describe('the builder\'s paths on the emulator\'s CDN', () => {
  let uuid: string;
  const t = () => new ImageTransformation();

  beforeAll(async () => {
    const png = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#c33' } }).png().toBuffer();
    const form = new FormData();
    form.append('UPLOADCARE_PUB_KEY', 'demopublickey');
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'red.png');
    const answer = (await (await fetch(`${testEnv().emulatorUrl}/base/`, { method: 'POST', body: form })).json()) as { file: string };
    uuid = answer.file;
  });

  const chains: Record<string, ImageTransformation> = {
    preview: t().preview(),
    'preview WxH': t().preview(200, 100),
    resize: t().resize(200),
    'resize xH': t().resize(undefined, 120),
    smartResize: t().smartResize(200, 200),
    stretch: t().resize(800, 600).stretch('fill'),
    'crop pixels': t().crop(100, 80, { x: 10, y: 20 }),
    'crop percent aligned': t().crop('50%', '50%', 'center'),
    scaleCrop: t().scaleCrop(120, 120),
    'scaleCrop smart at offsets': t().scaleCrop(200, 200, { type: 'smart', position: { x: '30%', y: '70%' } }),
    zoomObjects: t().zoomObjects(50),
    setfill: t().setfill('#00ff00').format('jpeg'),
    borderRadius: t().borderRadius([10, '20%']),
    'format avif': t().format('avif'),
    'format webp': t().format('webp'),
    'format auto': t().format('auto'),
    quality: t().quality('smart'),
    progressive: t().format('jpeg').progressive(),
    stripMeta: t().stripMeta('all'),
    srgb: t().srgb('icc'),
    maxIccSize: t().maxIccSize(10),
    inline: t().inline(false),
    rotate: t().rotate(90),
    autorotate: t().autorotate(false),
    flip: t().flip(),
    mirror: t().mirror(),
    grayscale: t().grayscale(),
    invert: t().invert(),
    adjust: t().adjust('brightness', 20),
    enhance: t().enhance(50),
    sharp: t().sharp(10),
    blur: t().blur(100, -200),
    blurRegion: t().blurRegion({ width: 50, height: '20%', x: 10, y: 10 }, 30),
    blurFaces: t().blurFaces(),
    overlay: t().overlay('self', { size: { width: '50%', height: '50%' }, position: 'center', opacity: '50%' }),
  };

  for (const [name, transformation] of Object.entries(chains)) {
    it(`serves ${name} (${String(transformation)}) as an image`, async () => {
      const response = await fetch(`${testEnv().emulatorUrl}/${uuid}/${String(transformation)}`, { headers: { Accept: 'image/avif,image/webp,*/*' } });
      const body = new Uint8Array(await response.arrayBuffer());
      expect(response.status).withContext(new TextDecoder().decode(body.slice(0, 200))).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\//);
      const metadata = await sharp(body).metadata();
      expect(metadata.width).toBeGreaterThan(0);
    });
  }

  it('serves -/json/ and -/main_colors/ as JSON', async () => {
    for (const transformation of [t().preview(100, 100).json(), t().mainColors(3)]) {
      const response = await fetch(`${testEnv().emulatorUrl}/${uuid}/${String(transformation)}`);
      expect(response.status).withContext(String(transformation)).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/json/);
      expect(await response.json()).toEqual(jasmine.any(Object));
    }
  });
});
