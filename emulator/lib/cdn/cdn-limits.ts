/**
 * The real CDN's processing limits, from Uploadcare's URL API reference ("Image processing limitations"):
 * https://uploadcare.com/docs/api/url/image-processing-limitations/
 */
export const CDN_LIMITS = {
  /** Dimensions an operation may ask for: 3000x3000 ("should not exceed"). */
  maxDimension: 3000,
  /** ... or 5000x5000 with `-/format/jpeg/`. */
  maxJpegDimension: 5000,
  /** Images above 75 Mpx are not images to the CDN: served as-is, processing refused. */
  maxInputPixels: 75_000_000,
  /** Image operations apply to files smaller than 100 MB. */
  maxInputBytes: 100 * 1000 * 1000,
  /** `-/preview/` without dimensions fits the image into 2048x2048. */
  defaultPreview: { width: 2048, height: 2048 },
} as const;

/** The emulator's own bound on `-/main_colors/N/` (the docs give a default of 4 and no maximum). */
export const MAX_MAIN_COLORS = 64;
