import { CDN_LIMITS, MAX_MAIN_COLORS } from './cdn-limits.js';
import type { CropRegion, ImageOperation, OperationName } from './image-operation.js';
import { color, count, flag, inRange, lengthPair, optionalSize, placement, radii, ratio, signedCount, size, type Placement } from './operation-args.js';

/**
 * A chain of CDN effects (`resize/200x/-/flip/`) read as the real CDN reads it: the image operations in order,
 * the `inline` choice, and what the emulator cannot answer. Syntax and ranges follow Uploadcare's URL API reference
 * (https://uploadcare.com/docs/api/url/, the operation tables of "Image resize and crop", "Image compression",
 * "Image colors", "Image definition", "Image overlays" and "Image recognition").
 */
export interface EffectsChain {
  readonly operations: readonly ImageOperation[];
  /** `-/inline/yes/` or `-/inline/no/`; null when not given. */
  readonly inline: boolean | null;
  /** An operation of the real CDN the emulator does not perform (`detect_faces`, `gif2video`, `text`...). */
  readonly notEmulated: string | null;
}

/** Why the CDN answers 400 to a chain, in the words the emulator uses for it. */
export interface Refusal {
  readonly refused: string;
}

type Parse = (args: readonly string[]) => ImageOperation | null;

const noArgs = <N extends 'flip' | 'mirror' | 'grayscale' | 'invert' | 'rasterize' | 'json'>(name: N): Parse => (args) => (args.length === 0 ? { name } : null);

/** A number argument within its documented range, or its default when left out. */
function optionalNumber(args: readonly string[], min: number, max: number, fallback: number): number | null {
  if (args.length === 0) return fallback;
  return args.length === 1 ? inRange(signedCount(args[0] ?? ''), min, max) : null;
}

/** An optional last `placement` argument: the top-left corner when left out. */
function optionalPlacement(arg: string | undefined): Placement | null {
  return arg === undefined ? { kind: 'corner' } : placement(arg);
}

const CENTER: Placement = { kind: 'align', align: 'center' };

const SCALE_CROP_TYPES = new Set(['smart', 'smart_faces_objects', 'smart_faces_points', 'smart_objects_faces_points', 'smart_objects_faces', 'smart_objects_points', 'smart_points', 'smart_objects', 'smart_faces']);

/** `crop/:dimensions|:ratio/[:alignment]`, `crop/:tag/[:ratio|:dimensions]/[:alignment]`. */
function parseCrop(args: readonly string[]): ImageOperation | null {
  const [first = '', ...rest] = args;
  if (first === 'face' || first === 'image') {
    const hasSize = rest.length > 0 && !placement(rest[0] ?? '');
    const within = hasSize ? cropSize(rest[0] ?? '') : null;
    const remaining = hasSize ? rest.slice(1) : rest;
    if ((hasSize && !within) || remaining.length > 1) return null;
    // No object detection here: the object is the whole image, and what is cut from it is centred unless placed.
    const at = remaining.length === 0 ? CENTER : placement(remaining[0] ?? '');
    return at ? { name: 'crop', region: { kind: 'tag', tag: first, within }, placement: at } : null;
  }
  const region = cropSize(first);
  const at = rest.length <= 1 ? optionalPlacement(rest[0]) : null;
  return region && at ? { name: 'crop', region, placement: at } : null;
}

function cropSize(text: string): CropRegion | null {
  const pair = lengthPair(text);
  if (pair) return { kind: 'size', size: pair };
  const aspect = ratio(text);
  return aspect ? { kind: 'ratio', ratio: aspect } : null;
}

/** `scale_crop/:dimensions/[:type]/[:alignment]` (a smart type is taken as its alignment: no object detection here). */
function parseScaleCrop(args: readonly string[]): ImageOperation | null {
  const [dimensions = '', ...rest] = args;
  const box = size(dimensions);
  const typed = rest[0] !== undefined && SCALE_CROP_TYPES.has(rest[0]);
  const remaining = typed ? rest.slice(1) : rest;
  if (!box || remaining.length > 1) return null;
  const at = remaining.length === 0 ? (typed ? CENTER : { kind: 'corner' as const }) : placement(remaining[0] ?? '');
  return at ? { name: 'scale_crop', size: box, placement: at } : null;
}

/** `blur_region/:dimensions/:coords/[:strength]` or `blur_region/faces/[:strength]`. */
function parseBlurRegion(args: readonly string[]): ImageOperation | null {
  if (args[0] === 'faces') {
    const strength = optionalNumber(args.slice(1), 0, 5000, 10);
    return strength === null ? null : { name: 'blur_region', region: 'faces', at: { kind: 'corner' }, strength };
  }
  const [dimensions = '', coords = '', ...rest] = args;
  const region = lengthPair(dimensions);
  const at = placement(coords);
  const strength = optionalNumber(rest, 0, 5000, 10);
  return region && at?.kind === 'offset' && strength !== null ? { name: 'blur_region', region, at, strength } : null;
}

/**
 * `overlay/:uuid|self/[:relative_dimensions/][:relative_coordinates/][:opacity/]`: each optional, in that order
 * (the reference's example `overlay/:uuid/50px50p/20p/` gives size and opacity, no position).
 */
function parseOverlay(args: readonly string[]): ImageOperation | null {
  const [source = '', ...rest] = args;
  if (!/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|self)$/i.test(source)) return null;
  const opacityOf = (text: string | undefined): number | null => (text === undefined ? null : inRange(count(/^(\d+)p$/.exec(text)?.[1] ?? ''), 0, 100));
  let next = 0;
  const fitted = rest[next] !== undefined && lengthPair(rest[next] ?? '') ? lengthPair(rest[next++] ?? '') : null;
  const at = rest[next] !== undefined && opacityOf(rest[next]) === null ? placement(rest[next++] ?? '') : { kind: 'corner' as const };
  const opacity = rest[next] === undefined ? 100 : opacityOf(rest[next++]);
  if (!at || opacity === null || next < rest.length) return null;
  return { name: 'overlay', source: source.toLowerCase(), size: fitted, at, opacity };
}

/** Each operation's argument reader; the ranges are the reference's. */
const PARSERS: Readonly<Record<string, Parse>> = {
  preview: (args) => {
    if (args.length === 0) return { name: 'preview', size: CDN_LIMITS.defaultPreview };
    const box = args.length === 1 ? size(args[0] ?? '') : null;
    return box ? { name: 'preview', size: box } : null;
  },
  resize: (args) => {
    const target = args.length === 1 ? optionalSize(args[0] ?? '') : null;
    return target ? { name: 'resize', size: target } : null;
  },
  smart_resize: (args) => {
    const box = args.length === 1 ? size(args[0] ?? '') : null;
    return box ? { name: 'smart_resize', size: box } : null;
  },
  crop: parseCrop,
  scale_crop: parseScaleCrop,
  stretch: (args) => (args.length === 1 && (args[0] === 'on' || args[0] === 'off' || args[0] === 'fill') ? { name: 'stretch', mode: args[0] } : null),
  setfill: (args) => {
    const fill = args.length === 1 ? color(args[0] ?? '') : null;
    return fill ? { name: 'setfill', color: fill } : null;
  },
  format: (args) => (args.length === 1 && ['jpeg', 'png', 'webp', 'avif', 'auto', 'preserve'].includes(args[0] ?? '') ? { name: 'format', format: args[0] as 'jpeg' } : null),
  quality: (args) => (args.length === 1 && ['normal', 'better', 'best', 'lighter', 'lightest', 'smart', 'smart_retina'].includes(args[0] ?? '') ? { name: 'quality', level: args[0] as 'normal' } : null),
  progressive: (args) => {
    const on = args.length === 1 ? flag(args[0] ?? '') : null;
    return on === null ? null : { name: 'progressive', on };
  },
  autorotate: (args) => {
    const on = args.length === 1 ? flag(args[0] ?? '') : null;
    return on === null ? null : { name: 'autorotate', on };
  },
  rotate: (args) => {
    const angle = args.length === 1 ? count(args[0] ?? '') : null;
    return angle !== null && angle % 90 === 0 ? { name: 'rotate', angle } : null;
  },
  flip: noArgs('flip'),
  mirror: noArgs('mirror'),
  grayscale: noArgs('grayscale'),
  invert: noArgs('invert'),
  rasterize: noArgs('rasterize'),
  enhance: (args) => {
    const strength = optionalNumber(args, 0, 100, 50);
    return strength === null ? null : { name: 'enhance', strength };
  },
  sharp: (args) => {
    const strength = optionalNumber(args, 0, 20, 5);
    return strength === null ? null : { name: 'sharp', strength };
  },
  blur: (args) => {
    const strength = optionalNumber(args.slice(0, 1), 0, 5000, 10);
    const amount = args.length === 2 ? inRange(signedCount(args[1] ?? ''), -200, 100) : null;
    if (strength === null || args.length > 2 || (args.length === 2 && amount === null)) return null;
    return { name: 'blur', strength, amount };
  },
  blur_region: parseBlurRegion,
  brightness: adjustment('brightness', -100, 100),
  exposure: adjustment('exposure', -500, 500),
  gamma: adjustment('gamma', 0, 1000),
  contrast: adjustment('contrast', -100, 500),
  saturation: adjustment('saturation', -100, 500),
  vibrance: adjustment('vibrance', -100, 500),
  warmth: adjustment('warmth', -100, 100),
  filter: (args) => {
    const [name = '', ...rest] = args;
    const amount = optionalNumber(rest, -100, 200, 100);
    return /^[a-z]+$/.test(name) && amount !== null ? { name: 'filter', filter: name, amount } : null;
  },
  zoom_objects: (args) => {
    const zoom = args.length === 1 ? inRange(count(args[0] ?? ''), 1, 100) : null;
    return zoom === null ? null : { name: 'zoom_objects', zoom };
  },
  border_radius: (args) => {
    const horizontal = args.length >= 1 && args.length <= 2 ? radii(args[0] ?? '') : null;
    const vertical = args.length === 2 ? radii(args[1] ?? '') : null;
    if (!horizontal || (args.length === 2 && !vertical)) return null;
    return { name: 'border_radius', radii: horizontal, verticalRadii: vertical };
  },
  overlay: parseOverlay,
  strip_meta: (args) => (args.length === 1 && ['all', 'none', 'sensitive'].includes(args[0] ?? '') ? { name: 'strip_meta', mode: args[0] as 'all' } : null),
  srgb: (args) => (args.length === 1 && ['fast', 'icc', 'keep_profile'].includes(args[0] ?? '') ? { name: 'srgb', mode: args[0] as 'fast' } : null),
  max_icc_size: (args) => {
    const kilobytes = args.length === 1 ? count(args[0] ?? '') : null;
    return kilobytes === null ? null : { name: 'max_icc_size', kilobytes };
  },
  json: noArgs('json'),
  main_colors: (args) => {
    const colors = optionalNumber(args, 1, MAX_MAIN_COLORS, 4);
    return colors === null ? null : { name: 'main_colors', count: colors };
  },
};

function adjustment(name: 'brightness' | 'exposure' | 'gamma' | 'contrast' | 'saturation' | 'vibrance' | 'warmth', min: number, max: number): Parse {
  return (args) => {
    const value = args.length === 1 ? inRange(signedCount(args[0] ?? ''), min, max) : null;
    return value === null ? null : { name: 'adjust', adjustment: name, value };
  };
}

/**
 * Operations of the real CDN the emulator does not perform, answered 501 rather than faked: face lists, video, text and
 * colour overlays (with their font and box settings), trimming of solid backgrounds.
 */
const NOT_EMULATED = new Set(['detect_faces', 'gif2video', 'text', 'font', 'text_align', 'text_box', 'rect', 'trim']);

/** Operations that answer JSON about the image instead of the image: they must come last. */
const INFO_OPERATIONS: ReadonlySet<OperationName> = new Set(['json', 'main_colors']);

/** Reads a chain of effects (`resize/200x/-/flip/`, `''` for none). */
export function parseEffects(effects: string): EffectsChain | Refusal {
  const operations: ImageOperation[] = [];
  let inline: boolean | null = null;
  let notEmulated: string | null = null;
  if (effects === '') return { operations, inline, notEmulated };
  for (const text of effects.replace(/\/$/, '').split('/-/')) {
    const [name = '', ...args] = text.split('/');
    if (name === 'inline') {
      inline = args.length === 1 ? flag(args[0] ?? '') : null;
      if (inline === null) return invalid(name, args);
      continue;
    }
    if (NOT_EMULATED.has(name)) {
      notEmulated ??= name;
      continue;
    }
    const parse = PARSERS[name];
    if (!parse) return { refused: `Unknown operation "${name}".` };
    const operation = parse(args);
    if (!operation) return invalid(name, args);
    if (operations.some((earlier) => INFO_OPERATIONS.has(earlier.name))) return { refused: `"${operations.find((earlier) => INFO_OPERATIONS.has(earlier.name))?.name}" must be the last operation.` };
    operations.push(operation);
  }
  return tooLarge(operations) ?? { operations, inline, notEmulated };
}

function invalid(name: string, args: readonly string[]): Refusal {
  return { refused: `Invalid arguments of "${name}": ${args.join('/') || 'none'}.` };
}

/** Dimensions asked for above the real limits: 3000 on a side, 5000 when the chain asks for JPEG. */
function tooLarge(operations: readonly ImageOperation[]): Refusal | null {
  const jpeg = operations.some((operation) => operation.name === 'format' && operation.format === 'jpeg');
  const limit = jpeg ? CDN_LIMITS.maxJpegDimension : CDN_LIMITS.maxDimension;
  for (const operation of operations) {
    const sides = requestedSides(operation);
    if (sides.some((side) => side > limit)) return { refused: `"${operation.name}" dimensions exceed the maximum of ${limit}x${limit}.` };
  }
  return null;
}

function requestedSides(operation: ImageOperation): readonly number[] {
  switch (operation.name) {
    case 'preview':
    case 'smart_resize':
    case 'scale_crop':
      return [operation.size.width, operation.size.height];
    case 'resize':
      return [operation.size.width ?? 0, operation.size.height ?? 0];
    case 'crop':
      return operation.region.kind === 'size' ? [operation.region.size.width, operation.region.size.height].filter((side) => !side.percent).map((side) => side.value) : [];
    default:
      return [];
  }
}

/** True for what `parseEffects` answers when it refuses the chain. */
export function isRefusal(parsed: EffectsChain | Refusal): parsed is Refusal {
  return 'refused' in parsed;
}
