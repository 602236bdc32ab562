import { UploadClient } from '@uploadcare/upload-client';
import sharp from 'sharp';
import { jpeg, useImageCdn } from './image-cdn-helpers.js';

/**
 * The official upload client (`@uploadcare/upload-client`, which has no transformation builder of its own) gives each
 * file and group a `cdnUrl`; operations appended to those URLs, as its users write them, are applied by the CDN.
 */
describe('emulator CDN: operations on the official upload client cdnUrls', () => {
  const cdn = useImageCdn();

  it('makes thumbnails from a file cdnUrl and a group member of a group cdnUrl', async () => {
    const client = new UploadClient({ publicKey: 'demopublickey', baseURL: cdn.emulator().url, baseCDN: cdn.emulator().url, retryNetworkErrorMaxTimes: 0 });
    const file = await client.uploadFile(await jpeg(320, 240), { fileName: 'photo.jpg', contentType: 'image/jpeg' });
    expect(file.isImage).toBeTrue();
    const thumb = await fetch(`${file.cdnUrl}-/scale_crop/64x64/center/-/format/webp/`);
    expect(await sharp(Buffer.from(await thumb.arrayBuffer())).metadata().then(({ format, width, height }) => [format, width, height])).toEqual(['webp', 64, 64]);

    const group = await client.uploadFileGroup([file.uuid]);
    const member = await fetch(`${group.cdnUrl}nth/0/-/preview/100x100/-/format/png/`);
    expect(await sharp(Buffer.from(await member.arrayBuffer())).metadata().then(({ format, width, height }) => [format, width, height])).toEqual(['png', 100, 75]);
  });
});
