import type { RawImage } from './raw-image.js';

type Rgb = readonly [number, number, number];

/** Pixels sampled at most: k-means over a 64x64 grid is enough to find a handful of dominant colours. */
const SAMPLE_SIDE = 64;
const ROUNDS = 12;

/**
 * The `count` dominant colours of an image, most frequent first, as 8-bit RGB triples: k-means over a grid of sampled
 * opaque pixels, started from the farthest-apart colours. Deterministic (the real CDN's "Local K-means" draws random
 * numbers, so its answers differ from call to call and from these).
 */
export function mainColors(image: RawImage, count: number): Rgb[] {
  const samples = sample(image);
  if (samples.length === 0) return [];
  const centres = farthestFirst(samples, Math.min(count, distinct(samples)));
  let members: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    members = samples.map((pixel) => nearest(pixel, centres));
    for (let k = 0; k < centres.length; k++) {
      const mine = samples.filter((_, i) => members[i] === k);
      if (mine.length > 0) centres[k] = mean(mine);
    }
  }
  const sizes = centres.map((_, k) => members.filter((member) => member === k).length);
  return centres
    .map((centre, k) => ({ centre, size: sizes[k] ?? 0 }))
    .sort((a, b) => b.size - a.size)
    .map(({ centre }) => centre.map(Math.round) as unknown as Rgb);
}

function sample(image: RawImage): Rgb[] {
  const stepX = Math.max(1, image.width / SAMPLE_SIDE);
  const stepY = Math.max(1, image.height / SAMPLE_SIDE);
  const pixels: Rgb[] = [];
  for (let y = 0; y < image.height; y += stepY) {
    for (let x = 0; x < image.width; x += stepX) {
      const at = (Math.floor(y) * image.width + Math.floor(x)) * 4;
      if ((image.data[at + 3] ?? 0) < 128) continue;
      pixels.push([image.data[at] ?? 0, image.data[at + 1] ?? 0, image.data[at + 2] ?? 0]);
    }
  }
  return pixels;
}

function distinct(pixels: readonly Rgb[]): number {
  return new Set(pixels.map((pixel) => pixel.join(','))).size;
}

const distance = (a: Rgb, b: Rgb): number => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;

function nearest(pixel: Rgb, centres: readonly Rgb[]): number {
  let best = 0;
  for (let k = 1; k < centres.length; k++) if (distance(pixel, centres[k] as Rgb) < distance(pixel, centres[best] as Rgb)) best = k;
  return best;
}

function mean(pixels: readonly Rgb[]): Rgb {
  const sum = pixels.reduce<[number, number, number]>((total, pixel) => [total[0] + pixel[0], total[1] + pixel[1], total[2] + pixel[2]], [0, 0, 0]);
  return [sum[0] / pixels.length, sum[1] / pixels.length, sum[2] / pixels.length];
}

/** `k` starting centres: the mean colour's farthest pixel, then each time the pixel farthest from those chosen. */
function farthestFirst(pixels: readonly Rgb[], k: number): Rgb[] {
  const centres: Rgb[] = [];
  const start = mean(pixels);
  let next = pixels.reduce((far, pixel) => (distance(pixel, start) > distance(far, start) ? pixel : far));
  while (centres.length < k) {
    centres.push(next);
    next = pixels.reduce((far, pixel) => (closest(pixel, centres) > closest(far, centres) ? pixel : far));
  }
  return centres;
}

function closest(pixel: Rgb, centres: readonly Rgb[]): number {
  return Math.min(...centres.map((centre) => distance(pixel, centre)));
}
