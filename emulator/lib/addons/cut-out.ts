import { loadSharp } from '../cdn/raw-image.js';

/** The largest side of a remove.bg result: bigger sources are scaled down to fit. */
const MAX_SIDE = 1024;

/**
 * A remove.bg stand-in made from the source image: its pixels (at most 1024 px a side) as an RGBA PNG whose alpha is
 * opaque inside a centred ellipse and transparent outside, the shape of a cut-out subject. The emulator finds no real
 * subject (docs/emulator.md).
 */
export async function cutOutPng(source: Uint8Array): Promise<Uint8Array> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(source)
    .rotate()
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x + 0.5) / width - 0.5;
      const dy = (y + 0.5) / height - 0.5;
      if (dx * dx + dy * dy > 0.16) data[(y * width + x) * 4 + 3] = 0;
    }
  }
  return sharp(data, { raw: { width, height, channels: 4 } }).png().toBuffer();
}
