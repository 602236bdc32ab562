import { type Alignment, length, type Length, type Offsets, optionsObject, percent, position, refuse } from './arguments.js';
import { type CdnOperation, operation } from './operation.js';

/** Where and how an overlay is laid: its largest size, position and opacity. Each is optional; order is kept. */
export interface OverlayOptions {
  /** The largest size of the overlay (its proportions are kept); default 100%. */
  readonly size?: { readonly width: Length; readonly height: Length };
  /** An alignment keyword, or offsets (like CSS `background-position`); default the top-left corner. */
  readonly position?: Alignment | Offsets;
  /** Opacity in percent, `'0%'` to `'100%'`. */
  readonly opacity?: `${number}%`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `-/overlay/:uuid/[WxH/][:position/][:opacity/]`; `self` lays the image over itself. */
export function overlayOperation(image: string, given?: OverlayOptions): CdnOperation {
  if (image !== 'self' && !(typeof image === 'string' && UUID.test(image))) {
    refuse('overlay', 'image', 'uuid', "must be a file UUID or 'self'", image);
  }
  const args = [image.toLowerCase()];
  const { size, position: where, opacity } = optionsObject('overlay', given);
  if (size !== undefined) {
    if (typeof size !== 'object' || size === null) refuse('overlay', 'size', 'required', 'must be { width, height }', size);
    args.push(`${length('overlay', 'size.width', size.width, 1)}x${length('overlay', 'size.height', size.height, 1)}`);
  }
  if (where !== undefined) args.push(position('overlay', 'position', where));
  if (opacity !== undefined) args.push(percent('overlay', 'opacity', opacity, 0));
  return operation('overlay', ...args);
}
