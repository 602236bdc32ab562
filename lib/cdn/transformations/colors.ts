import { integerIn, oneOf } from './arguments.js';
import { TRANSFORMATION_LIMITS } from './limits.js';
import { type CdnOperation, operation } from './operation.js';

/** The colour adjustments of the CDN, each an operation of its own (`-/brightness/20/`). */
export type ColorAdjustment = keyof typeof TRANSFORMATION_LIMITS.colorAdjustments;

export const COLOR_ADJUSTMENTS = Object.keys(TRANSFORMATION_LIMITS.colorAdjustments) as readonly ColorAdjustment[];

/** `-/<adjustment>/:value/`, the value in the adjustment's range ({@link TRANSFORMATION_LIMITS}.colorAdjustments). */
export function colorAdjustmentOperation(adjustment: ColorAdjustment, value: number): CdnOperation {
  const name = oneOf('adjust', 'adjustment', adjustment, COLOR_ADJUSTMENTS);
  const { min, max } = TRANSFORMATION_LIMITS.colorAdjustments[name];
  return operation(name, integerIn(name, 'value', value, min, max));
}
