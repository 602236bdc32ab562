import sharp from 'sharp';
import { jpeg, useImageCdn } from './image-cdn-helpers.js';

/** Two vertical bands, 3/4 blue and 1/4 orange: two dominant colours, blue first. */
async function twoBands(): Promise<Buffer> {
  const blue = { r: 30, g: 60, b: 200 };
  const orange = { r: 250, g: 150, b: 20 };
  const bands = await sharp({ create: { width: 100, height: 40, channels: 3, background: orange } })
    .composite([{ input: { create: { width: 75, height: 40, channels: 3, background: blue } }, left: 0, top: 0 }])
    .png()
    .toBuffer();
  return bands;
}

/**
 * `-/json/` and `-/main_colors/N/` answer JSON shaped as Uploadcare's URL API reference shows (File info as JSON;
 * Color recognition): the file's image fields with `id`, `hash` and `blurhash`; after other operations, `id` is the
 * path before the last operation and the sizes are those of the processed image, with `original`.
 */
describe('emulator CDN: -/json/ and -/main_colors/', () => {
  const cdn = useImageCdn();
  let photo: string;
  let bands: string;

  beforeAll(async () => {
    photo = await cdn.upload(await jpeg(400, 300), 'photo.jpg', 'image/jpeg');
    bands = await cdn.upload(await twoBands(), 'bands.png', 'image/png');
  });

  async function json(path: string): Promise<Record<string, unknown>> {
    const answer = await cdn.get(path);
    expect([answer.status, answer.headers.get('Content-Type')]).withContext(path).toEqual([200, 'application/json']);
    return JSON.parse(answer.body.toString()) as Record<string, unknown>;
  }

  it('answers the file info of the original image, in the reference key order', async () => {
    const info = await json(`${photo}/-/json/`);
    expect(Object.keys(info)).toEqual(['id', 'dpi', 'width', 'format', 'height', 'sequence', 'color_mode', 'orientation', 'geo_location', 'datetime_original', 'hash', 'blurhash']);
    expect(info).toEqual(jasmine.objectContaining({ id: photo, width: 400, height: 300, format: 'JPEG', sequence: false, color_mode: 'RGB', orientation: null, geo_location: null }));
    expect(info['hash']).toMatch(/^[0-9a-f]{16}$/);
    // 6x4 components as the reference's example (52 characters, size flag W).
    expect(info['blurhash']).toMatch(/^W[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{51}$/);
  });

  it('gives a uniform image the blurhash of its colour', async () => {
    const plain = await cdn.upload(await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 30, g: 60, b: 200 } } }).png().toBuffer(), 'plain.png', 'image/png');
    const hash = (await json(`${plain}/-/json/`))['blurhash'] as string;
    // Characters 3 to 6: the average colour, (30 << 16) + (60 << 8) + 200 = 1981640 in base 83.
    expect(hash.slice(2, 6)).toBe('3csF');
  });

  it('answers the processed image after other operations, with the original', async () => {
    const info = await json(`${photo}/-/preview/100x100/-/json/`);
    expect(info).toEqual(jasmine.objectContaining({ id: `/${photo}/-/preview/100x100/`, width: 100, height: 75, original: jasmine.objectContaining({ id: photo, width: 400, height: 300 }) }));
  });

  it('answers the dominant colours, most frequent first, with the shape of the reference example', async () => {
    const colors = await json(`${bands}/-/preview/-/main_colors/2/`);
    expect(Object.keys(colors)).toEqual(['width', 'height', 'main_colors', 'id', 'original']);
    expect(colors).toEqual(jasmine.objectContaining({ width: 100, height: 40, id: `/${bands}/-/preview/` }));
    expect(Object.keys(colors['original'] as object)).toEqual(['width', 'geo_location', 'orientation', 'datetime_original', 'format', 'id', 'height']);
    const [first, second] = colors['main_colors'] as number[][];
    expect(first).toEqual([30, 60, 200]);
    expect(second).toEqual([250, 150, 20]);
    expect(((await json(`${bands}/-/main_colors/`))['main_colors'] as unknown[]).length).toBeLessThanOrEqual(4); // default 4
    expect((await json(`${bands}/-/main_colors/`))['id']).toBe(`/${bands}/`);
  });
});
