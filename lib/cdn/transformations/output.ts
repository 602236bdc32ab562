import { integerIn, oneOf, yesNo } from './arguments.js';
import { TRANSFORMATION_LIMITS } from './limits.js';
import { type CdnOperation, operation } from './operation.js';

/**
 * Output formats. `auto` picks AVIF, WebP, PNG or JPEG from the browser's `Accept` and the image; `preserve` keeps
 * PNG or JPEG (else coerces to one of them). `avif` is not in the compression page's list (see docs/images.md).
 */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'auto' | 'preserve';

/** Output quality of JPEG and WebP; the `smart` ones pick compression (and format) by content. */
export type ImageQuality = 'normal' | 'better' | 'best' | 'lighter' | 'lightest' | 'smart' | 'smart_retina';

/** Which metadata to keep: all of it is stripped (`all`), none, or only what identifies people or places. */
export type StripMetaMode = 'all' | 'none' | 'sensitive';

/** How non-sRGB images are converted: `fast`, with their ICC profile (`icc`), or left as they are (`keep_profile`). */
export type SrgbMode = 'fast' | 'icc' | 'keep_profile';

export const IMAGE_FORMATS: readonly ImageFormat[] = ['jpeg', 'png', 'webp', 'avif', 'auto', 'preserve'];
const QUALITIES: readonly ImageQuality[] = ['normal', 'better', 'best', 'lighter', 'lightest', 'smart', 'smart_retina'];
const STRIP_META_MODES: readonly StripMetaMode[] = ['all', 'none', 'sensitive'];
const SRGB_MODES: readonly SrgbMode[] = ['fast', 'icc', 'keep_profile'];

/** `-/format/:format/`. */
export function formatOperation(format: ImageFormat): CdnOperation {
  return operation('format', oneOf('format', 'format', format, IMAGE_FORMATS));
}

/** `-/quality/:quality/`. */
export function qualityOperation(quality: ImageQuality): CdnOperation {
  return operation('quality', oneOf('quality', 'quality', quality, QUALITIES));
}

/** `-/progressive/yes/` or `-/progressive/no/` (the default): progressive JPEG. */
export function progressiveOperation(enabled: boolean): CdnOperation {
  return operation('progressive', yesNo('progressive', enabled));
}

/** `-/strip_meta/:mode/`. */
export function stripMetaOperation(mode: StripMetaMode): CdnOperation {
  return operation('strip_meta', oneOf('strip_meta', 'mode', mode, STRIP_META_MODES));
}

/** `-/srgb/:mode/`. */
export function srgbOperation(mode: SrgbMode): CdnOperation {
  return operation('srgb', oneOf('srgb', 'mode', mode, SRGB_MODES));
}

/** `-/max_icc_size/:kilobytes/`: ICC profiles larger than this are dropped (converting to sRGB); default 10. */
export function maxIccSizeOperation(kilobytes: number): CdnOperation {
  const { min, max } = TRANSFORMATION_LIMITS.maxIccSize;
  return operation('max_icc_size', integerIn('max_icc_size', 'kilobytes', kilobytes, min, max));
}

/** `-/inline/yes/` or `-/inline/no/`: `Content-Disposition` inline (shown) or attachment (downloaded). */
export function inlineOperation(enabled: boolean): CdnOperation {
  return operation('inline', yesNo('inline', enabled));
}
