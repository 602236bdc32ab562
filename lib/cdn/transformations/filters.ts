import { integerIn, length, type Length, refuse } from './arguments.js';
import { TRANSFORMATION_LIMITS } from './limits.js';
import { type CdnOperation, operation } from './operation.js';

/** A region: its size and the offsets of its top-left corner, in pixels or percent. */
export interface Region {
  readonly width: Length;
  readonly height: Length;
  readonly x: Length;
  readonly y: Length;
}

function strength(name: string, value: number | undefined, limits: { readonly min: number; readonly max: number }): string[] {
  return value === undefined ? [] : [integerIn(name, 'strength', value, limits.min, limits.max)];
}

/** `-/enhance/[:strength/]`: auto levels, contrast and saturation, 0 to 100 (default 50). */
export function enhanceOperation(value?: number): CdnOperation {
  return operation('enhance', ...strength('enhance', value, TRANSFORMATION_LIMITS.enhance));
}

/** `-/sharp/[:strength/]`: sharpening, 0 to 20 (default 5). */
export function sharpOperation(value?: number): CdnOperation {
  return operation('sharp', ...strength('sharp', value, TRANSFORMATION_LIMITS.sharp));
}

/** `-/blur/[:strength/[:amount/]]`: Gaussian blur, 0 to 5000 (default 10); a negative amount unsharp-masks. */
export function blurOperation(value?: number, amount?: number): CdnOperation {
  const args = strength('blur', value, TRANSFORMATION_LIMITS.blur);
  if (amount !== undefined) {
    if (value === undefined) refuse('blur', 'amount', 'needs-strength', 'needs a strength before it', amount);
    args.push(integerIn('blur', 'amount', amount, TRANSFORMATION_LIMITS.blurAmount.min, TRANSFORMATION_LIMITS.blurAmount.max));
  }
  return operation('blur', ...args);
}

/** `-/blur_region/WxH/x,y/[:strength/]`: blurs one region. */
export function blurRegionOperation(region: Region, value?: number): CdnOperation {
  if (typeof region !== 'object' || region === null) refuse('blur_region', 'region', 'required', 'must be { width, height, x, y }', region);
  const dimensions = `${length('blur_region', 'width', region.width, 1)}x${length('blur_region', 'height', region.height, 1)}`;
  const corner = `${length('blur_region', 'x', region.x, 0)},${length('blur_region', 'y', region.y, 0)}`;
  return operation('blur_region', dimensions, corner, ...strength('blur_region', value, TRANSFORMATION_LIMITS.blur));
}

/** `-/blur_region/faces/[:strength/]`: blurs the faces it detects. */
export function blurFacesOperation(value?: number): CdnOperation {
  return operation('blur_region', 'faces', ...strength('blur_region', value, TRANSFORMATION_LIMITS.blur));
}
