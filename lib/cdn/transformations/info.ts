import { integerIn } from './arguments.js';
import { TRANSFORMATION_LIMITS } from './limits.js';
import { type CdnOperation, operation } from './operation.js';

/** The operations that answer JSON about the image instead of an image: they end a chain. */
export const INFO_OPERATIONS: readonly string[] = ['json', 'main_colors'];

/** `-/json/`: the image's info (size, format, EXIF date, GPS...) as JSON. */
export function jsonOperation(): CdnOperation {
  return operation('json');
}

/** `-/main_colors/[:count/]`: the dominant colours as JSON. */
export function mainColorsOperation(count?: number): CdnOperation {
  if (count === undefined) return operation('main_colors');
  const { min, max } = TRANSFORMATION_LIMITS.mainColors;
  return operation('main_colors', integerIn('main_colors', 'count', count, min, max));
}
