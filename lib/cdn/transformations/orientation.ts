import { integerIn, refuse, yesNo } from './arguments.js';
import { type CdnOperation, operation } from './operation.js';

/** A right angle, counterclockwise. */
export type RightAngle = 0 | 90 | 180 | 270;

/** `-/rotate/:angle/`: counterclockwise by a multiple of 90 degrees. */
export function rotateOperation(angle: RightAngle): CdnOperation {
  const rendered = integerIn('rotate', 'angle', angle, 0, 270);
  if (angle % 90 !== 0) refuse('rotate', 'angle', 'right-angle', 'must be 0, 90, 180 or 270', angle);
  return operation('rotate', rendered);
}

/** `-/autorotate/yes/` (the default) or `-/autorotate/no/`: whether the EXIF orientation is applied. */
export function autorotateOperation(enabled: boolean): CdnOperation {
  return operation('autorotate', yesNo('autorotate', enabled));
}

/** `-/flip/`: upside down. `-/mirror/`: left to right. `-/grayscale/`, `-/invert/`: colours. No arguments. */
export function plainOperation(name: 'flip' | 'mirror' | 'grayscale' | 'invert'): CdnOperation {
  return operation(name);
}
