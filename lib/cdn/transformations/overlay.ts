import { type Alignment, length, type Length, type Offsets, percent, position, refuse } from './arguments.js';
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
export function overlayOperation(image: string, options: OverlayOptions = {}): CdnOperation {
  if (image !== 'self' && !(typeof image === 'string' && UUID.test(image))) {
    refuse('overlay', 'image', 'uuid', "must be a file UUID or 'self'", image);
  }
  const args = [image.toLowerCase()];
  if (options.size !== undefined) {
    args.push(`${length('overlay', 'size.width', options.size.width, 1)}x${length('overlay', 'size.height', options.size.height, 1)}`);
  }
  if (options.position !== undefined) args.push(position('overlay', 'position', options.position));
  if (options.opacity !== undefined) args.push(percent('overlay', 'opacity', options.opacity, 0));
  return operation('overlay', ...args);
}
