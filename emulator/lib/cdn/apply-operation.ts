import type { Sharp } from 'sharp';
import { containSize, cornerRadii, cropRect, intersect, pixels, place, previewSize, resizeSize, scaleCropSize, type Rect, type StretchMode } from './geometry.js';
import type { ColorAdjustment, ImageOperation } from './image-operation.js';
import type { Rgba, Size } from './operation-args.js';
import { loadSharp, toRaw, transform, type RawImage } from './raw-image.js';

/** What earlier operations set for later ones: `stretch` for resizes, `setfill` for filled areas and JPEG backgrounds. */
export interface RenderState {
  stretch: StretchMode;
  fill: Rgba | null;
}

/** Loads another image of the project (or the file itself, `self`) for `-/overlay/`, as pixels. */
export type OverlaySource = (source: string) => Promise<RawImage>;

/** Rec. 709 luma into each of R, G and B: grey pixels that stay RGB (sharp's own greyscale drops to one band). */
export const LUMA: [[number, number, number], [number, number, number], [number, number, number]] = [
  [0.2126, 0.7152, 0.0722],
  [0.2126, 0.7152, 0.0722],
  [0.2126, 0.7152, 0.0722],
];

/** What fills areas no pixel covers when `setfill` did not say: white. */
export const DEFAULT_FILL: Rgba = { r: 255, g: 255, b: 255, alpha: 1 };

/**
 * Applies one operation to the pixels. Operations that only choose the encoding (`format`, `quality`...) or set state
 * for later ones leave them as they are; `filter`, `zoom_objects`, `rasterize`, face detection and smart crop types
 * keep the geometry of the real ones without their content analysis (docs/emulator.md, "CDN").
 */
export async function applyOperation(image: RawImage, operation: ImageOperation, state: RenderState, overlay: OverlaySource): Promise<RawImage> {
  switch (operation.name) {
    case 'preview':
      return resized(image, previewSize(image, operation.size));
    case 'resize': {
      const { image: scaled, canvas } = resizeSize(image, operation.size, state.stretch);
      return framed(await resized(image, scaled), canvas, state);
    }
    case 'smart_resize': {
      const fitted = containSize(image, operation.size);
      return transform(await resized(image, fitted), (pipeline) => pipeline.extend({ ...centred(fitted, operation.size), extendWith: 'copy' }));
    }
    case 'crop':
      return cut(image, cropRect(image, operation.region, operation.placement), state);
    case 'scale_crop': {
      const { image: scaled, canvas } = scaleCropSize(image, operation.size, state.stretch);
      const cover = await resized(image, scaled);
      const box = { width: Math.min(operation.size.width, scaled.width), height: Math.min(operation.size.height, scaled.height) };
      return framed(await cut(cover, { ...place(scaled, box, operation.placement), ...box }, state), canvas, state);
    }
    case 'stretch':
      state.stretch = operation.mode;
      return image;
    case 'setfill':
      state.fill = operation.color;
      return image;
    case 'rotate':
      // The CDN turns counterclockwise; sharp clockwise.
      return operation.angle % 360 === 0 ? image : transform(image, (pipeline) => pipeline.rotate(360 - (operation.angle % 360)));
    case 'flip':
      return transform(image, (pipeline) => pipeline.flip());
    case 'mirror':
      return transform(image, (pipeline) => pipeline.flop());
    case 'grayscale':
      return transform(image, (pipeline) => pipeline.recomb(LUMA));
    case 'invert':
      return transform(image, (pipeline) => pipeline.negate({ alpha: false }));
    case 'enhance':
      return operation.strength === 0 ? image : transform(image, (pipeline) => pipeline.normalise());
    case 'sharp':
      return operation.strength === 0 ? image : transform(image, (pipeline) => pipeline.sharpen({ sigma: 0.5 + operation.strength / 4 }));
    case 'blur':
      return blurred(image, operation.strength, operation.amount);
    case 'blur_region':
      return operation.region === 'faces' ? image : blurRegion(image, { ...place(image, regionSize(image, operation.region), operation.at), ...regionSize(image, operation.region) }, operation.strength);
    case 'adjust':
      return transform(image, (pipeline) => adjusted(pipeline, operation.adjustment, operation.value));
    case 'border_radius':
      return rounded(image, operation.radii, operation.verticalRadii ?? operation.radii);
    case 'overlay':
      return overlaid(image, await overlay(operation.source), operation);
    default:
      return image;
  }
}

async function resized(image: RawImage, size: Size): Promise<RawImage> {
  if (size.width === image.width && size.height === image.height) return image;
  return transform(image, (pipeline) => pipeline.resize(size.width, size.height, { fit: 'fill' }));
}

function regionSize(image: Size, region: { readonly width: Parameters<typeof pixels>[0]; readonly height: Parameters<typeof pixels>[0] }): Size {
  return { width: pixels(region.width, image.width), height: pixels(region.height, image.height) };
}

function centred(inner: Size, outer: Size): { top: number; bottom: number; left: number; right: number } {
  const left = Math.floor((outer.width - inner.width) / 2);
  const top = Math.floor((outer.height - inner.height) / 2);
  return { left, top, right: outer.width - inner.width - left, bottom: outer.height - inner.height - top };
}

function background(fill: Rgba): { r: number; g: number; b: number; alpha: number } {
  return { r: fill.r, g: fill.g, b: fill.b, alpha: fill.alpha };
}

/** `image` centred on a `canvas` filled with the `setfill` colour (the image itself when the sizes match). */
async function framed(image: RawImage, canvas: Size, state: RenderState): Promise<RawImage> {
  if (canvas.width === image.width && canvas.height === image.height) return image;
  return transform(image, (pipeline) => pipeline.extend({ ...centred(image, canvas), background: background(state.fill ?? DEFAULT_FILL) }));
}

/** The pixels of `rect`; where it reaches past the image, the `setfill` colour. */
async function cut(image: RawImage, rect: Rect, state: RenderState): Promise<RawImage> {
  const inside = intersect(rect, image);
  const sharp = await loadSharp();
  const canvas = sharp({ create: { width: rect.width, height: rect.height, channels: 4, background: background(state.fill ?? DEFAULT_FILL) } });
  if (!inside) return toRaw(canvas);
  if (inside.width === rect.width && inside.height === rect.height) {
    return transform(image, (pipeline) => pipeline.extract(inside));
  }
  const part = await transform(image, (pipeline) => pipeline.extract(inside));
  return toRaw(canvas.composite([{ input: part.data, raw: { width: part.width, height: part.height, channels: 4 }, left: inside.left - rect.left, top: inside.top - rect.top }]));
}

/**
 * `-/blur/:strength/:amount/`: a Gaussian blur of standard deviation strength/10 (at most 100 here), mixed with the
 * image by `amount` percent: 100 the blurred image, 0 the original, negative values unsharp masking (the original
 * minus the difference).
 */
async function blurred(image: RawImage, strength: number, amount: number | null): Promise<RawImage> {
  const mix = (amount ?? 100) / 100;
  if (strength === 0 || mix === 0) return image;
  const blur = await transform(image, (pipeline) => pipeline.blur(Math.min(100, Math.max(0.3, strength / 10))));
  if (mix === 1) return blur;
  const data = Buffer.from(image.data);
  for (let i = 0; i < data.length; i++) {
    if (i % 4 === 3) continue;
    const original = image.data[i] ?? 0;
    data[i] = Math.min(255, Math.max(0, Math.round(original + ((blur.data[i] ?? 0) - original) * mix)));
  }
  return { ...image, data };
}

async function blurRegion(image: RawImage, rect: Rect, strength: number): Promise<RawImage> {
  const inside = intersect(rect, image);
  if (!inside || strength === 0) return image;
  const region = await transform(image, (pipeline) => pipeline.extract(inside));
  const soft = await blurred(region, strength, null);
  return transform(image, (pipeline) => pipeline.composite([{ input: soft.data, raw: { width: soft.width, height: soft.height, channels: 4 }, left: inside.left, top: inside.top }]));
}

/** The colour adjustments, brightness as documented (added to each channel), the others as linear approximations; `gamma` is left as it is. */
function adjusted(pipeline: Sharp, adjustment: ColorAdjustment, value: number): Sharp {
  const rgb = (a: readonly [number, number, number], b: readonly [number, number, number] = [0, 0, 0]): Sharp => pipeline.linear([...a, 1], [...b, 0]);
  switch (adjustment) {
    case 'brightness':
      return rgb([1, 1, 1], [value, value, value]); // "the value gets added to each color channel"
    case 'exposure': {
      const gain = 2 ** (value / 100);
      return rgb([gain, gain, gain]);
    }
    case 'contrast': {
      const slope = 1 + value / 100;
      const shift = 128 * (1 - slope);
      return rgb([slope, slope, slope], [shift, shift, shift]);
    }
    case 'saturation':
      return pipeline.modulate({ saturation: 1 + value / 100 });
    case 'vibrance':
      return pipeline.modulate({ saturation: 1 + value / 200 });
    case 'warmth':
      return rgb([1 + value / 400, 1, 1 - value / 400]);
    case 'gamma':
      return pipeline;
  }
}

/** Corners cut round (transparent), as `-/border_radius/` does. */
async function rounded(image: RawImage, horizontal: readonly Parameters<typeof pixels>[0][], vertical: readonly Parameters<typeof pixels>[0][]): Promise<RawImage> {
  const [tlx, trx, brx, blx] = cornerRadii(horizontal, image.width);
  const [tly, try_, bry, bly] = cornerRadii(vertical, image.height);
  const { width: w, height: h } = image;
  const path = `M${tlx},0 H${w - trx} A${trx},${try_} 0 0 1 ${w},${try_} V${h - bry} A${brx},${bry} 0 0 1 ${w - brx},${h} H${blx} A${blx},${bly} 0 0 1 0,${h - bly} V${tly} A${tlx},${tly} 0 0 1 ${tlx},0 Z`;
  const mask = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><path d="${path}" fill="#fff"/></svg>`);
  return transform(image, (pipeline) => pipeline.composite([{ input: mask, blend: 'dest-in' }]));
}

/** `layer` scaled into its box (the whole image unless sized), placed like a CSS background, made `opacity` percent opaque, drawn over `image`. */
async function overlaid(image: RawImage, layer: RawImage, operation: Extract<ImageOperation, { name: 'overlay' }>): Promise<RawImage> {
  // The size is the largest the layer may take on either side, its proportions kept; by default 100% of the image.
  const target = containSize(layer, operation.size ? regionSize(image, operation.size) : image);
  const scaled = await resized(layer, target);
  const at = place(image, target, operation.at);
  const inside = intersect({ ...at, ...target }, image);
  if (!inside || operation.opacity === 0) return image;
  const part = await transform(scaled, (pipeline) => pipeline.extract({ left: inside.left - at.left, top: inside.top - at.top, width: inside.width, height: inside.height }));
  const data = Buffer.from(part.data);
  for (let i = 3; i < data.length; i += 4) data[i] = Math.round(((data[i] ?? 0) * operation.opacity) / 100);
  return transform(image, (pipeline) => pipeline.composite([{ input: data, raw: { width: part.width, height: part.height, channels: 4 }, left: inside.left, top: inside.top }]));
}
