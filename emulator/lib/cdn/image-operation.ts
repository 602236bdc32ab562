import type { Length, LengthPair, OptionalSize, Placement, Rgba, Size } from './operation-args.js';

/** Output formats `-/format/` names. `auto` picks one from the request's `Accept`; `preserve` keeps JPEG and PNG. */
export type FormatChoice = 'jpeg' | 'png' | 'webp' | 'avif' | 'auto' | 'preserve';

export type QualityLevel = 'normal' | 'better' | 'best' | 'lighter' | 'lightest' | 'smart' | 'smart_retina';

export type ColorAdjustment = 'brightness' | 'exposure' | 'gamma' | 'contrast' | 'saturation' | 'vibrance' | 'warmth';

/** What `-/crop/` cuts: a size (pixels or percent), an aspect ratio, or an object (`face`, `image`) fitted to either. */
export type CropRegion =
  | { readonly kind: 'size'; readonly size: LengthPair }
  | { readonly kind: 'ratio'; readonly ratio: Size }
  | { readonly kind: 'tag'; readonly tag: 'face' | 'image'; readonly within: CropRegion | null };

/** One CDN image operation, read from `-/<name>/<args>/` into data. */
export type ImageOperation =
  | { readonly name: 'preview'; readonly size: Size }
  | { readonly name: 'resize'; readonly size: OptionalSize }
  | { readonly name: 'smart_resize'; readonly size: Size }
  | { readonly name: 'crop'; readonly region: CropRegion; readonly placement: Placement }
  | { readonly name: 'scale_crop'; readonly size: Size; readonly placement: Placement }
  | { readonly name: 'stretch'; readonly mode: 'on' | 'off' | 'fill' }
  | { readonly name: 'setfill'; readonly color: Rgba }
  | { readonly name: 'format'; readonly format: FormatChoice }
  | { readonly name: 'quality'; readonly level: QualityLevel }
  | { readonly name: 'progressive'; readonly on: boolean }
  | { readonly name: 'autorotate'; readonly on: boolean }
  | { readonly name: 'rotate'; readonly angle: number }
  | { readonly name: 'flip' | 'mirror' | 'grayscale' | 'invert' | 'rasterize' }
  | { readonly name: 'enhance'; readonly strength: number }
  | { readonly name: 'sharp'; readonly strength: number }
  | { readonly name: 'blur'; readonly strength: number; readonly amount: number | null }
  | { readonly name: 'blur_region'; readonly region: LengthPair | 'faces'; readonly at: Placement; readonly strength: number }
  | { readonly name: 'adjust'; readonly adjustment: ColorAdjustment; readonly value: number }
  | { readonly name: 'filter'; readonly filter: string; readonly amount: number }
  | { readonly name: 'zoom_objects'; readonly zoom: number }
  | { readonly name: 'border_radius'; readonly radii: readonly Length[]; readonly verticalRadii: readonly Length[] | null }
  | { readonly name: 'overlay'; readonly source: string; readonly size: LengthPair | null; readonly at: Placement; readonly opacity: number }
  | { readonly name: 'strip_meta'; readonly mode: 'all' | 'none' | 'sensitive' }
  | { readonly name: 'srgb'; readonly mode: 'fast' | 'icc' | 'keep_profile' }
  | { readonly name: 'max_icc_size'; readonly kilobytes: number }
  | { readonly name: 'json' }
  | { readonly name: 'main_colors'; readonly count: number };

export type OperationName = ImageOperation['name'];
