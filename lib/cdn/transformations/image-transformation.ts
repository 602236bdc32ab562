import { InvalidTransformationError } from '../../errors.js';
import type { Length } from './arguments.js';
import { type ColorAdjustment, colorAdjustmentOperation } from './colors.js';
import { borderRadiusOperation, type Radii, setfillOperation } from './fill-and-corners.js';
import { blurFacesOperation, blurOperation, blurRegionOperation, enhanceOperation, type Region, sharpOperation } from './filters.js';
import {
  cropOperation,
  type CropPosition,
  previewOperation,
  resizeOperation,
  type ScaleCropOptions,
  scaleCropOperation,
  smartResizeOperation,
  type StretchMode,
  stretchOperation,
  zoomObjectsOperation,
} from './geometry.js';
import { INFO_OPERATIONS, jsonOperation, mainColorsOperation } from './info.js';
import { type CdnOperation, renderEffects } from './operation.js';
import { autorotateOperation, plainOperation, type RightAngle, rotateOperation } from './orientation.js';
import {
  formatOperation,
  type ImageFormat,
  type ImageQuality,
  inlineOperation,
  maxIccSizeOperation,
  progressiveOperation,
  qualityOperation,
  type SrgbMode,
  srgbOperation,
  type StripMetaMode,
  stripMetaOperation,
} from './output.js';
import { overlayOperation, type OverlayOptions } from './overlay.js';

/**
 * A chain of Uploadcare CDN image operations: typed, checked and immutable. Each method checks its arguments (an
 * {@link InvalidTransformationError}, naming the operation and the rule, before any URL is made) and returns a new
 * transformation with one more operation; the one it was called on never changes. No Observable, no request: it only
 * writes URL paths, exactly as the CDN reads them.
 *
 * ```ts
 * const thumb = new ImageTransformation().preview(400, 400).format('auto').quality('smart');
 * String(thumb);               // '-/preview/400x400/-/format/auto/-/quality/smart/'
 * file.cdnPath(thumb);         // '<uuid>/-/preview/400x400/-/format/auto/-/quality/smart/'
 * ```
 */
export class ImageTransformation {
  #operations: readonly CdnOperation[] = Object.freeze([]);

  constructor() {
    Object.freeze(this);
  }

  /** The operations, in order. */
  get operations(): readonly CdnOperation[] {
    return this.#operations;
  }

  /** The operations as `File.defaultEffects` holds them: `preview/400x400/-/format/auto/`; '' for none. */
  get effects(): string {
    return renderEffects(this.#operations);
  }

  /** The operations as they follow a file in a CDN URL: `-/preview/400x400/-/format/auto/`; '' for none. */
  toString(): string {
    return this.#operations.length === 0 ? '' : `-/${this.effects}`;
  }

  /** `-/preview/` (fits 2048x2048) or `-/preview/WxH/`: downscales to fit the box, keeping proportions. */
  preview(width?: number, height?: number): ImageTransformation {
    return this.#with(previewOperation(width, height));
  }

  /** `-/resize/Wx/`, `-/resize/xH/` or `-/resize/WxH/` (both sides may distort). Pass `undefined` to omit a side. */
  resize(width: number | undefined, height?: number): ImageTransformation {
    return this.#with(resizeOperation(width, height));
  }

  /** `-/smart_resize/WxH/`: content-aware resize that keeps faces and objects in proportion. */
  smartResize(width: number, height: number): ImageTransformation {
    return this.#with(smartResizeOperation(width, height));
  }

  /** `-/stretch/:mode/`: how the next `resize` or `scale_crop` treats a smaller image. */
  stretch(mode: StretchMode): ImageTransformation {
    return this.#with(stretchOperation(mode));
  }

  /** `-/crop/WxH/[:position/]`: a region in pixels or percent (`'50%'`), by alignment or top-left offsets. */
  crop(width: Length, height: Length, position?: CropPosition): ImageTransformation {
    return this.#with(cropOperation(width, height, position));
  }

  /** `-/scale_crop/WxH/[:type/][:position/]`: scales to cover WxH, then crops (smart types keep objects in frame). */
  scaleCrop(width: number, height: number, options?: ScaleCropOptions): ImageTransformation {
    return this.#with(scaleCropOperation(width, height, options));
  }

  /** `-/zoom_objects/:zoom/`: how much of the frame the detected objects take, 1 to 100. */
  zoomObjects(zoom: number): ImageTransformation {
    return this.#with(zoomObjectsOperation(zoom));
  }

  /** `-/setfill/:color/`: background of transparent areas and fills (`'ece3d2'`, `'#fff'`). */
  setfill(color: string): ImageTransformation {
    return this.#with(setfillOperation(color));
  }

  /** `-/border_radius/:radii/[:vertical/]`: rounded corners, 1 to 4 radii in pixels or percent. */
  borderRadius(radii: Radii, verticalRadii?: Radii): ImageTransformation {
    return this.#with(borderRadiusOperation(radii, verticalRadii));
  }

  /** `-/format/:format/`. */
  format(format: ImageFormat): ImageTransformation {
    return this.#with(formatOperation(format));
  }

  /** `-/quality/:quality/`. */
  quality(quality: ImageQuality): ImageTransformation {
    return this.#with(qualityOperation(quality));
  }

  /** `-/progressive/yes/` (or `no`): progressive JPEG. */
  progressive(enabled = true): ImageTransformation {
    return this.#with(progressiveOperation(enabled));
  }

  /** `-/strip_meta/:mode/`. */
  stripMeta(mode: StripMetaMode): ImageTransformation {
    return this.#with(stripMetaOperation(mode));
  }

  /** `-/srgb/:mode/`: conversion of non-sRGB images. */
  srgb(mode: SrgbMode): ImageTransformation {
    return this.#with(srgbOperation(mode));
  }

  /** `-/max_icc_size/:kilobytes/`: ICC profiles above this size are not kept. */
  maxIccSize(kilobytes: number): ImageTransformation {
    return this.#with(maxIccSizeOperation(kilobytes));
  }

  /** `-/inline/yes/` (or `no`): shown in the browser, or downloaded. */
  inline(enabled = true): ImageTransformation {
    return this.#with(inlineOperation(enabled));
  }

  /** `-/rotate/:angle/`: counterclockwise by 0, 90, 180 or 270 degrees. */
  rotate(angle: RightAngle): ImageTransformation {
    return this.#with(rotateOperation(angle));
  }

  /** `-/autorotate/yes/` (or `no`): whether the EXIF orientation is applied (it is by default). */
  autorotate(enabled = true): ImageTransformation {
    return this.#with(autorotateOperation(enabled));
  }

  /** `-/flip/`: upside down. */
  flip(): ImageTransformation {
    return this.#with(plainOperation('flip'));
  }

  /** `-/mirror/`: left to right. */
  mirror(): ImageTransformation {
    return this.#with(plainOperation('mirror'));
  }

  /** `-/grayscale/`. */
  grayscale(): ImageTransformation {
    return this.#with(plainOperation('grayscale'));
  }

  /** `-/invert/`. */
  invert(): ImageTransformation {
    return this.#with(plainOperation('invert'));
  }

  /**
   * `-/brightness/20/`, `-/exposure/…`, `-/gamma/…`, `-/contrast/…`, `-/saturation/…`, `-/vibrance/…`, `-/warmth/…`: a
   * colour adjustment, its value in the adjustment's range (`TRANSFORMATION_LIMITS.colorAdjustments`).
   */
  adjust(adjustment: ColorAdjustment, value: number): ImageTransformation {
    return this.#with(colorAdjustmentOperation(adjustment, value));
  }

  /** `-/enhance/[:strength/]`: auto levels, contrast and saturation, 0 to 100. */
  enhance(strength?: number): ImageTransformation {
    return this.#with(enhanceOperation(strength));
  }

  /** `-/sharp/[:strength/]`: sharpening, 0 to 20. */
  sharp(strength?: number): ImageTransformation {
    return this.#with(sharpOperation(strength));
  }

  /** `-/blur/[:strength/[:amount/]]`: Gaussian blur 0 to 5000; an amount below 0 (to -200) unsharp-masks. */
  blur(strength?: number, amount?: number): ImageTransformation {
    return this.#with(blurOperation(strength, amount));
  }

  /** `-/blur_region/WxH/x,y/[:strength/]`: blurs one region. */
  blurRegion(region: Region, strength?: number): ImageTransformation {
    return this.#with(blurRegionOperation(region, strength));
  }

  /** `-/blur_region/faces/[:strength/]`: blurs the faces the CDN detects. */
  blurFaces(strength?: number): ImageTransformation {
    return this.#with(blurFacesOperation(strength));
  }

  /** `-/overlay/:uuid/[WxH/][:position/][:opacity/]`: lays another image (or `'self'`) over this one. */
  overlay(image: string, options?: OverlayOptions): ImageTransformation {
    return this.#with(overlayOperation(image, options));
  }

  /** `-/json/`: the image's info as JSON instead of the image. Ends the chain. */
  json(): ImageTransformation {
    return this.#with(jsonOperation());
  }

  /** `-/main_colors/[:count/]`: the dominant colours as JSON instead of the image. Ends the chain. */
  mainColors(count?: number): ImageTransformation {
    return this.#with(mainColorsOperation(count));
  }

  #with(next: CdnOperation): ImageTransformation {
    const last = this.#operations.at(-1);
    if (last !== undefined && INFO_OPERATIONS.includes(last.name)) {
      throw new InvalidTransformationError(next.name, 'operation', 'last-operation', `cannot follow ${last.name}: it answers JSON, and must end the chain`);
    }
    const made = new ImageTransformation();
    made.#operations = Object.freeze([...this.#operations, next]);
    return made;
  }
}
