/**
 * The bounds the transformation builder checks, from Uploadcare's public CDN documentation (docs/images.md cites each).
 * Data, not code: a spec or an app can read them.
 */
export const TRANSFORMATION_LIMITS = Object.freeze({
  /**
   * Largest width or height in pixels an operation may ask for: 5000, the output limit with `format/jpeg`. Without
   * it the CDN allows 3000x3000 for the last operation (see {@link TRANSFORMATION_LIMITS.maxOutputDimension}).
   */
  maxDimension: 5000,
  /** The output limit of the last geometry operation when the format is not `jpeg`. */
  maxOutputDimension: 3000,
  /** `enhance` strength, default 50. */
  enhance: Object.freeze({ min: 0, max: 100 }),
  /** `sharp` strength, default 5. */
  sharp: Object.freeze({ min: 0, max: 20 }),
  /** `blur` and `blur_region` strength, default 10 (`blur_region`: chosen from the region's size). */
  blur: Object.freeze({ min: 0, max: 5000 }),
  /** `blur` amount (unsharp masking below 0), default 100. */
  blurAmount: Object.freeze({ min: -200, max: 100 }),
  /** `zoom_objects` zoom in percent. */
  zoomObjects: Object.freeze({ min: 1, max: 100 }),
  /** `max_icc_size` threshold in kilobytes (the docs give no upper bound; this one keeps the number an int32). */
  maxIccSize: Object.freeze({ min: 0, max: 2_147_483_647 }),
  /** The colour adjustments' value ranges; each has a zero point that leaves the image as it is. */
  colorAdjustments: Object.freeze({
    brightness: Object.freeze({ min: -100, max: 100, zero: 0 }),
    exposure: Object.freeze({ min: -500, max: 500, zero: 0 }),
    gamma: Object.freeze({ min: 0, max: 1000, zero: 100 }),
    contrast: Object.freeze({ min: -100, max: 500, zero: 0 }),
    saturation: Object.freeze({ min: -100, max: 500, zero: 0 }),
    vibrance: Object.freeze({ min: -100, max: 500, zero: 0 }),
    warmth: Object.freeze({ min: -100, max: 100, zero: 0 }),
  }),
  /** `main_colors` count (the docs give no upper bound: the builder's own). */
  mainColors: Object.freeze({ min: 1, max: 100 }),
});
