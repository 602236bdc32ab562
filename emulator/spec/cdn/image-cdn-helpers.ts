import sharp from 'sharp';
import { startEmulator, type RunningEmulator } from '../../lib/index.js';
import { PUBLIC_KEY, postForm } from '../upload/upload-api-helpers.js';

/** What a CDN answer decodes to (sharp's reading of the bytes), with its status and headers. */
export interface DecodedAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Buffer;
  readonly format?: string;
  readonly width?: number;
  readonly height?: number;
  readonly hasAlpha?: boolean;
}

/** A running emulator for the Node-only CDN specs, with helpers to upload images and decode answers. */
export function useImageCdn(): { readonly emulator: () => RunningEmulator; readonly upload: (bytes: Buffer, filename: string, type?: string) => Promise<string>; readonly get: (path: string, accept?: string) => Promise<DecodedAnswer> } {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await emulator.close();
  });
  return {
    emulator: () => emulator,
    upload: async (bytes, filename, type = 'application/octet-stream') => {
      const answer = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: new Uint8Array(bytes), filename, type } }, emulator.url);
      return answer.json['file'] as string;
    },
    get: async (path, accept) => {
      const response = await fetch(`${emulator.url}/${path}`, accept === undefined ? {} : { headers: { Accept: accept } });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200 || !response.headers.get('Content-Type')?.startsWith('image/')) return { status: response.status, headers: response.headers, body };
      const meta = await sharp(body).metadata().catch(() => ({ format: undefined, width: undefined, height: undefined, hasAlpha: undefined }));
      return { status: response.status, headers: response.headers, body, format: meta.format, width: meta.width, height: meta.height, hasAlpha: meta.hasAlpha };
    },
  };
}

/** A `width`x`height` photo-like JPEG (opaque): a gradient. */
export async function jpeg(width: number, height: number, orientation?: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) pixels.set([(i % width) % 256, Math.floor(i / width) % 256, 128], i * 3);
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  return (orientation ? image.withMetadata({ orientation }) : image).jpeg().toBuffer();
}

/** A `width`x`height` PNG with transparency: its left half opaque red, its right half transparent. */
export async function translucentPng(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels.set(i % width < width / 2 ? [255, 0, 0, 255] : [0, 0, 255, 0], i * 4);
  return sharp(pixels, { raw: { width, height, channels: 4 } }).png().toBuffer();
}
