import type { CropRegion } from './image-operation.js';
import type { Length, OptionalSize, Placement, Size } from './operation-args.js';

/**
 * Sizes and boxes of the geometric operations, as pure arithmetic over the image's current size (the pixels are
 * moved elsewhere). A rectangle may reach past the image: what lies outside is filled (`setfill`).
 */
export interface Rect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** How `-/stretch/` makes the next resizes treat a smaller image: scale it up (`on`), keep it (`off`), frame it (`fill`). */
export type StretchMode = 'on' | 'off' | 'fill';

/** An image scaled to `image`, drawn centred on a `canvas` (the same size unless `stretch/fill` framed it). */
export interface Scaled {
  readonly image: Size;
  readonly canvas: Size;
}

const side = (value: number): number => Math.max(1, Math.round(value));

/** `-/preview/WxH/`: fits into the box, keeping proportions, never scaling up. */
export function previewSize(source: Size, box: Size): Size {
  const scale = Math.min(1, box.width / source.width, box.height / source.height);
  return { width: side(source.width * scale), height: side(source.height * scale) };
}

/** `-/resize/`: both sides as given, or one and the other in proportion; `stretch` decides about scaling up. */
export function resizeSize(source: Size, target: OptionalSize, stretch: StretchMode): Scaled {
  const width = target.width ?? side((source.width * (target.height ?? source.height)) / source.height);
  const height = target.height ?? side((source.height * (target.width ?? source.width)) / source.width);
  const wanted = { width, height };
  if (stretch === 'on' || (width <= source.width && height <= source.height)) return { image: wanted, canvas: wanted };
  return { image: source, canvas: stretch === 'fill' ? wanted : source };
}

/** `-/scale_crop/WxH/`: scaled to cover the box, then cut to it; with `stretch` off or fill a smaller image is not scaled up. */
export function scaleCropSize(source: Size, box: Size, stretch: StretchMode): Scaled {
  let scale = Math.max(box.width / source.width, box.height / source.height);
  if (scale > 1 && stretch !== 'on') scale = 1;
  const image = { width: side(source.width * scale), height: side(source.height * scale) };
  const cut = { width: Math.min(box.width, image.width), height: Math.min(box.height, image.height) };
  return { image, canvas: stretch === 'fill' ? box : cut };
}

/** `-/smart_resize/WxH/`: the whole image fitted into the box (up or down), which it then fills. */
export function containSize(source: Size, box: Size): Size {
  const scale = Math.min(box.width / source.width, box.height / source.height);
  return { width: Math.min(box.width, side(source.width * scale)), height: Math.min(box.height, side(source.height * scale)) };
}

/** `-/crop/`: the rectangle cut from an image of size `source`, which may reach past its edges. */
export function cropRect(source: Size, region: CropRegion, placement: Placement): Rect {
  const size = regionSize(source, region);
  return { ...place(source, size, placement), ...size };
}

function regionSize(source: Size, region: CropRegion): Size {
  switch (region.kind) {
    case 'size':
      return { width: pixels(region.size.width, source.width), height: pixels(region.size.height, source.height) };
    case 'ratio': {
      const scale = Math.min(source.width / region.ratio.width, source.height / region.ratio.height);
      return { width: side(region.ratio.width * scale), height: side(region.ratio.height * scale) };
    }
    case 'tag':
      return region.within ? regionSize(source, region.within) : source;
  }
}

/** A length in pixels of a side `whole` long. */
export function pixels(length: Length, whole: number): number {
  return length.percent ? side((whole * length.value) / 100) : length.value;
}

/** Top-left corner of an `inner` area placed over an `outer` one; percent offsets share out the free space. */
export function place(outer: Size, inner: Size, placement: Placement): { left: number; top: number } {
  const freeX = outer.width - inner.width;
  const freeY = outer.height - inner.height;
  switch (placement.kind) {
    case 'corner':
      return { left: 0, top: 0 };
    case 'offset':
      return { left: offset(placement.x, freeX), top: offset(placement.y, freeY) };
    case 'align': {
      const centre = { left: Math.round(freeX / 2), top: Math.round(freeY / 2) };
      if (placement.align === 'top') return { ...centre, top: 0 };
      if (placement.align === 'bottom') return { ...centre, top: freeY };
      if (placement.align === 'left') return { ...centre, left: 0 };
      if (placement.align === 'right') return { ...centre, left: freeX };
      return centre;
    }
  }
}

function offset(length: Length, free: number): number {
  return length.percent ? Math.round((free * length.value) / 100) : length.value;
}

/** The part of `rect` inside an image of size `source`, or null when none is. */
export function intersect(rect: Rect, source: Size): Rect | null {
  const left = Math.max(0, rect.left);
  const top = Math.max(0, rect.top);
  const right = Math.min(source.width, rect.left + rect.width);
  const bottom = Math.min(source.height, rect.top + rect.height);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null;
}

/** CSS-like corner radii (`a`, `a,b`, `a,b,c`, `a,b,c,d`: top-left, top-right, bottom-right, bottom-left) in pixels. */
export function cornerRadii(radii: readonly Length[], whole: number): readonly [number, number, number, number] {
  const [a = 0, b = a, c = a, d = b] = radii.map((radius) => Math.min(pixels(radius, whole), whole / 2));
  return [a, b, c, d];
}
