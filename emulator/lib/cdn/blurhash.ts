import type { RawImage } from './raw-image.js';

/**
 * The BlurHash (https://blurha.sh, the reference algorithm) of an image: 6 components across and 4 down, as the
 * reference's `-/json/` example shows (`WXOfGPL~?vk...`: 52 characters, size flag `W`). Transparent pixels count as
 * their colour. Give it a small image (a few dozen pixels a side): the cost grows with every pixel.
 */
export function blurhash(image: RawImage, across = 6, down = 4): string {
  const factors: [number, number, number][] = [];
  for (let j = 0; j < down; j++) {
    for (let i = 0; i < across; i++) factors.push(component(image, i, j));
  }
  const [dc = [0, 0, 0], ...ac] = factors;
  let hash = base83(across - 1 + (down - 1) * 9, 1);
  let maximum = 1;
  if (ac.length > 0) {
    const actual = Math.max(...ac.flatMap((factor) => factor.map(Math.abs)));
    const quantised = Math.floor(Math.max(0, Math.min(82, Math.floor(actual * 166 - 0.5))));
    maximum = (quantised + 1) / 166;
    hash += base83(quantised, 1);
  } else {
    hash += base83(0, 1);
  }
  hash += base83((toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4);
  for (const factor of ac) {
    const [r, g, b] = factor.map((value) => Math.floor(Math.max(0, Math.min(18, Math.floor(signedSqrt(value / maximum) * 9 + 9.5))))) as [number, number, number];
    hash += base83(r * 19 * 19 + g * 19 + b, 2);
  }
  return hash;
}

function component(image: RawImage, i: number, j: number): [number, number, number] {
  const { width, height, data } = image;
  const normalisation = i === 0 && j === 0 ? 1 : 2;
  let r = 0;
  let g = 0;
  let b = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const basis = normalisation * Math.cos((Math.PI * i * x) / width) * Math.cos((Math.PI * j * y) / height);
      const at = (y * width + x) * 4;
      r += basis * toLinear(data[at] ?? 0);
      g += basis * toLinear(data[at + 1] ?? 0);
      b += basis * toLinear(data[at + 2] ?? 0);
    }
  }
  const scale = 1 / (width * height);
  return [r * scale, g * scale, b * scale];
}

function toLinear(value: number): number {
  const v = value / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

function toSrgb(value: number): number {
  const v = Math.max(0, Math.min(1, value));
  return v <= 0.0031308 ? Math.trunc(v * 12.92 * 255 + 0.5) : Math.trunc((1.055 * v ** (1 / 2.4) - 0.055) * 255 + 0.5);
}

function signedSqrt(value: number): number {
  return Math.sign(value) * Math.abs(value) ** 0.5;
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~';

function base83(value: number, length: number): string {
  let text = '';
  for (let i = 1; i <= length; i++) text += DIGITS[Math.floor(value / 83 ** (length - i)) % 83];
  return text;
}
