import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { rest } from '../rest/support/signed-fetch.js';
import { PUBLIC_KEY, getJson, postForm } from '../upload/upload-api-helpers.js';

/** A little-endian TIFF IFD entry: tag, type (2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL), count, value or offset. */
function entry(tag: number, type: number, count: number, value: number): number[] {
  const bytes = new Uint8Array(12);
  const view = new DataView(bytes.buffer);
  view.setUint16(0, tag, true);
  view.setUint16(2, type, true);
  view.setUint32(4, count, true);
  if (type === 3 && count === 1) view.setUint16(8, value, true);
  else view.setUint32(8, value, true);
  return [...bytes];
}
const u32 = (...values: number[]): number[] => values.flatMap((value) => [value & 255, (value >>> 8) & 255, (value >>> 16) & 255, value >>> 24]);
const text = (value: string): number[] => [...value].map((char) => char.charCodeAt(0));

/**
 * A 2x3 JPEG (its start of frame only) whose EXIF block says: orientation 6, 300x300 dpi, taken 2019-10-26 02:29:41,
 * at 48°51'29.6"N 2°17'40.2"W (what a camera writes; the layout follows the EXIF 2.3 specification).
 */
function cameraJpeg(): Uint8Array<ArrayBuffer> {
  // TIFF: header (8), IFD0 at 8 with 6 entries (2 + 72 + 4 = 78) -> 86; then its values; then the Exif and GPS IFDs.
  const ifd0 = 8;
  const resolution = ifd0 + 2 + 6 * 12 + 4; // two rationals: 86..101
  const exifIfd = resolution + 16; // 102: 1 entry -> 18 bytes
  const date = exifIfd + 18; // 120: 20 bytes
  const gpsIfd = date + 20; // 140: 4 entries -> 54 bytes
  const latitude = gpsIfd + 54; // 194: 3 rationals
  const longitude = latitude + 24; // 218: 3 rationals
  const tiff = [
    ...text('II'), 42, 0, ...u32(ifd0),
    6, 0,
    ...entry(0x0112, 3, 1, 6), ...entry(0x011a, 5, 1, resolution), ...entry(0x011b, 5, 1, resolution + 8),
    ...entry(0x0128, 3, 1, 2), ...entry(0x8769, 4, 1, exifIfd), ...entry(0x8825, 4, 1, gpsIfd),
    ...u32(0),
    ...u32(300, 1, 300, 1),
    1, 0, ...entry(0x9003, 2, 20, date), ...u32(0),
    ...text('2019:10:26 02:29:41'), 0,
    4, 0, ...entry(1, 2, 2, 'N'.charCodeAt(0)), ...entry(2, 5, 3, latitude), ...entry(3, 2, 2, 'W'.charCodeAt(0)), ...entry(4, 5, 3, longitude), ...u32(0),
    ...u32(48, 1, 51, 1, 296, 10),
    ...u32(2, 1, 17, 1, 402, 10),
  ];
  const app1 = [...text('Exif'), 0, 0, ...tiff];
  const sof = [0xff, 0xc0, 0, 11, 8, 0, 3, 0, 2, 1, 1, 0x11, 0];
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 255, ...app1, ...sof, 0xff, 0xd9]);
}

/**
 * Image EXIF fields read from the bytes, as the real service reports them (pyuploadcare's recordings:
 * `"orientation":6,"dpi":[72,72]`, `"datetime_original":"2019-10-26T02:29:41"`), on the Upload API and REST alike.
 */
describe('emulator fidelity: EXIF details of images', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('reports orientation, dpi, datetime_original and geo_location from a JPEG EXIF block', async () => {
    const uploaded = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: cameraJpeg(), filename: 'camera.jpg', type: 'image/jpeg' } }, emulator.url);
    const uuid = uploaded.json['file'] as string;
    const expected = {
      width: 2,
      height: 3,
      format: 'JPEG',
      orientation: 6,
      dpi: [300, 300],
      datetime_original: '2019-10-26T02:29:41',
      geo_location: { latitude: jasmine.any(Number), longitude: jasmine.any(Number) },
    };
    const info = await getJson('/info/', { pub_key: PUBLIC_KEY, file_id: uuid }, emulator.url);
    const image = info.json['image_info'] as { geo_location: { latitude: number; longitude: number } };
    expect(image).toEqual(jasmine.objectContaining(expected));
    expect(image.geo_location.latitude).toBeCloseTo(48 + 51 / 60 + 29.6 / 3600, 6);
    expect(image.geo_location.longitude).toBeCloseTo(-(2 + 17 / 60 + 40.2 / 3600), 6);
    const file = await rest(emulator.url, { path: `/files/${uuid}/` });
    expect((file.body as { content_info: { image: unknown } }).content_info.image).toEqual(jasmine.objectContaining(expected));
  });

  it('leaves them null for an image without EXIF', async () => {
    const bare = new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0, 0xff, 0xd9]);
    const uploaded = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: bare, filename: 'bare.jpg', type: 'image/jpeg' } }, emulator.url);
    const info = await getJson('/info/', { pub_key: PUBLIC_KEY, file_id: uploaded.json['file'] as string }, emulator.url);
    expect(info.json['image_info']).toEqual(jasmine.objectContaining({ orientation: null, dpi: null, datetime_original: null, geo_location: null }));
  });
});
