import { type Alignment, integerIn, length, type Length, type Offsets, offsets, oneOf, optionsObject, pixels, position, refuse } from './arguments.js';
import { TRANSFORMATION_LIMITS } from './limits.js';
import { type CdnOperation, operation } from './operation.js';

/** How `resize` and `scale_crop` treat an image smaller than asked: scale up (`on`, default), not (`off`), or fill. */
export type StretchMode = 'on' | 'off' | 'fill';

/** The content-aware types of `scale_crop`: which objects to keep in the frame, in order of priority. */
export type ScaleCropType =
  | 'smart'
  | 'smart_faces_objects'
  | 'smart_faces_points'
  | 'smart_objects_faces_points'
  | 'smart_objects_faces'
  | 'smart_objects_points'
  | 'smart_points'
  | 'smart_objects'
  | 'smart_faces';

const STRETCH_MODES: readonly StretchMode[] = ['on', 'off', 'fill'];
export const SCALE_CROP_TYPES: readonly ScaleCropType[] = [
  'smart',
  'smart_faces_objects',
  'smart_faces_points',
  'smart_objects_faces_points',
  'smart_objects_faces',
  'smart_objects_points',
  'smart_points',
  'smart_objects',
  'smart_faces',
];

/** Where `crop` takes its region: an alignment keyword, or offsets of its top-left corner. */
export type CropPosition = Alignment | Offsets;

/** Options of `scale_crop`: a content-aware type, and where to crop (`'center'` or percent offsets). */
export interface ScaleCropOptions {
  readonly type?: ScaleCropType;
  readonly position?: 'center' | Offsets;
}

function size(name: string, width: unknown, height: unknown): string {
  return `${pixels(name, 'width', width)}x${pixels(name, 'height', height)}`;
}

/** `-/preview/` (fits 2048x2048) or `-/preview/WxH/`: downscales to fit, keeping proportions. */
export function previewOperation(width?: number, height?: number): CdnOperation {
  if (width === undefined && height === undefined) return operation('preview');
  return operation('preview', size('preview', width, height));
}

/** `-/resize/Wx/`, `-/resize/xH/` or `-/resize/WxH/`. */
export function resizeOperation(width?: number, height?: number): CdnOperation {
  if (width === undefined && height === undefined) refuse('resize', 'width', 'required', 'or height must be given', undefined);
  const w = width === undefined ? '' : pixels('resize', 'width', width);
  const h = height === undefined ? '' : pixels('resize', 'height', height);
  return operation('resize', `${w}x${h}`);
}

/** `-/smart_resize/WxH/`: content-aware resize to exactly WxH. */
export function smartResizeOperation(width: number, height: number): CdnOperation {
  return operation('smart_resize', size('smart_resize', width, height));
}

/** `-/stretch/:mode/`: applies to the following `resize` or `scale_crop`. */
export function stretchOperation(mode: StretchMode): CdnOperation {
  return operation('stretch', oneOf('stretch', 'mode', mode, STRETCH_MODES));
}

/** `-/crop/WxH/`, `-/crop/WxH/:alignment/` or `-/crop/WxH/x,y/`; sizes and offsets in pixels or percent. */
export function cropOperation(width: Length, height: Length, where?: CropPosition): CdnOperation {
  const dimensions = `${length('crop', 'width', width, 1)}x${length('crop', 'height', height, 1)}`;
  if (where === undefined) return operation('crop', dimensions);
  return operation('crop', dimensions, position('crop', 'position', where));
}

/** `-/scale_crop/WxH/[:type/][:position/]`: scales to cover WxH, then crops. Offsets are percentages. */
export function scaleCropOperation(width: number, height: number, given?: ScaleCropOptions): CdnOperation {
  const args = [size('scale_crop', width, height)];
  const { type, position: where } = optionsObject('scale_crop', given);
  if (type !== undefined) args.push(oneOf('scale_crop', 'type', type, SCALE_CROP_TYPES));
  if (typeof where === 'string') args.push(oneOf('scale_crop', 'position', where, ['center']));
  else if (where !== undefined) args.push(offsets('scale_crop', 'position', where, true));
  return operation('scale_crop', ...args);
}

/** `-/zoom_objects/:zoom/`: how much of the frame the detected objects take, 1 to 100 percent. */
export function zoomObjectsOperation(zoom: number): CdnOperation {
  const { min, max } = TRANSFORMATION_LIMITS.zoomObjects;
  return operation('zoom_objects', integerIn('zoom_objects', 'zoom', zoom, min, max));
}
