import { describeValue } from '../../describe-value.js';
import { InvalidParamError } from '../../errors.js';
import { ALIGNMENTS, type Length, type Offsets, refuse } from './arguments.js';
import { COLOR_ADJUSTMENTS } from './colors.js';
import { SCALE_CROP_TYPES } from './geometry.js';
import { ImageTransformation } from './image-transformation.js';

type Apply = (t: ImageTransformation, args: readonly string[]) => ImageTransformation;

// Text becomes a number or a percentage when it reads as one; anything else is passed on as text, for the builder's
// checks to refuse with their own rule.
const number = (text: string | undefined): number | undefined => (text === undefined ? undefined : /^-?\d+$/.test(text) ? Number(text) : (text as never));
const length = (text: string): Length => (/^\d+p$/.test(text) ? `${Number(text.slice(0, -1))}%` : /^\d+$/.test(text) ? Number(text) : (text as never));
const pair = (text: string, separator: string): [string, string] => {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
};
const offsetsOf = (text: string): Offsets => {
  const [x, y] = pair(text, ',');
  return { x: length(x), y: length(y) };
};
// Without a comma, an alignment keyword (or a word the keyword check refuses).
const positionOf = (text: string) => (text.includes(',') ? offsetsOf(text) : (text as never));
const flag = (text: string | undefined) => (text === 'yes' ? true : text === 'no' ? false : (text as never));
const radii = (text: string) => text.split(',').map(length);

/**
 * How each operation's URL arguments become a builder call, with the most arguments it takes. Marked pure: the table
 * is built with a call, which would otherwise keep this module in every bundle that imports the library's entry.
 */
const OPERATIONS: Readonly<Record<string, readonly [number, Apply]>> = /* @__PURE__ */ operationTable();

function operationTable(): Readonly<Record<string, readonly [number, Apply]>> {
  return {
  preview: [1, (t, [size]) => (size === undefined ? t.preview() : t.preview(...dimensions(size)))],
  resize: [1, (t, [size = '']) => {
    const [w, h] = pair(size, 'x');
    return t.resize(w === '' ? undefined : number(w), h === '' ? undefined : number(h));
  }],
  smart_resize: [1, (t, [size = '']) => t.smartResize(...dimensions(size))],
  stretch: [1, (t, [mode]) => t.stretch(mode as never)],
  crop: [2, (t, [size = '', where]) => {
    const [w, h] = pair(size, 'x');
    return t.crop(length(w), length(h), where === undefined ? undefined : positionOf(where));
  }],
  scale_crop: [3, (t, [size = '', ...rest]) => {
    const type = SCALE_CROP_TYPES.includes(rest[0] as never) ? rest.shift() : undefined;
    const where = rest.shift();
    if (rest.length > 0) refuse('scale_crop', 'arguments', 'count', 'takes a size, a type and a position', rest);
    return t.scaleCrop(...dimensions(size), { ...(type && { type: type as never }), ...(where !== undefined && { position: where.includes(',') ? offsetsOf(where) : (where as never) }) });
  }],
  zoom_objects: [1, (t, [zoom]) => t.zoomObjects(number(zoom) as never)],
  setfill: [1, (t, [color]) => t.setfill(color as never)],
  border_radius: [2, (t, [horizontal = '', vertical]) => t.borderRadius(radii(horizontal), vertical === undefined ? undefined : radii(vertical))],
  format: [1, (t, [format]) => t.format(format as never)],
  quality: [1, (t, [quality]) => t.quality(quality as never)],
  progressive: [1, (t, [value]) => t.progressive(flag(value))],
  strip_meta: [1, (t, [mode]) => t.stripMeta(mode as never)],
  srgb: [1, (t, [mode]) => t.srgb(mode as never)],
  max_icc_size: [1, (t, [kilobytes]) => t.maxIccSize(number(kilobytes) as never)],
  inline: [1, (t, [value]) => t.inline(flag(value))],
  rotate: [1, (t, [angle]) => t.rotate(number(angle) as never)],
  autorotate: [1, (t, [value]) => t.autorotate(flag(value))],
  flip: [0, (t) => t.flip()],
  mirror: [0, (t) => t.mirror()],
  grayscale: [0, (t) => t.grayscale()],
  invert: [0, (t) => t.invert()],
  enhance: [1, (t, [strength]) => t.enhance(number(strength))],
  sharp: [1, (t, [strength]) => t.sharp(number(strength))],
  blur: [2, (t, [strength, amount]) => t.blur(number(strength), number(amount))],
  blur_region: [3, (t, [first = '', second, strength]) => {
    if (first === 'faces') {
      if (strength !== undefined) refuse('blur_region', 'arguments', 'count', 'takes faces and a strength', strength);
      return t.blurFaces(number(second));
    }
    const [width, height] = pair(first, 'x');
    const { x, y } = offsetsOf(second ?? '');
    return t.blurRegion({ width: length(width), height: length(height), x, y }, number(strength));
  }],
  overlay: [4, (t, [image = '', ...rest]) => t.overlay(image, overlayOptions(rest))],
  ...Object.fromEntries(COLOR_ADJUSTMENTS.map((name) => [name, [1, (t: ImageTransformation, [value]: readonly string[]) => t.adjust(name, number(value) as never)] as const])),
  json: [0, (t) => t.json()],
  main_colors: [1, (t, [count]) => t.mainColors(number(count))],
  };
}

function dimensions(text: string): [number, number] {
  const [w, h] = pair(text, 'x');
  return [number(w) as number, number(h) as number];
}

/** Overlay arguments by their shape: `WxH` a size, a keyword or `x,y` a position, `Np` the opacity; order kept. */
function overlayOptions(args: readonly string[]) {
  let size: { width: Length; height: Length } | undefined;
  let position: ReturnType<typeof positionOf> | undefined;
  let opacity: `${number}%` | undefined;
  for (const arg of args) {
    if (size === undefined && position === undefined && opacity === undefined && arg.includes('x')) {
      const [width, height] = pair(arg, 'x');
      size = { width: length(width), height: length(height) };
    } else if (position === undefined && opacity === undefined && (arg.includes(',') || ALIGNMENTS.includes(arg as never))) {
      position = positionOf(arg);
    } else if (opacity === undefined) {
      opacity = length(arg) as never;
    } else {
      refuse('overlay', 'arguments', 'count', 'takes an image, a size, a position and an opacity, in that order', args);
    }
  }
  return { ...(size && { size }), ...(position !== undefined && { position }), ...(opacity !== undefined && { opacity }) };
}

/**
 * Reads CDN effects (`preview/400x400/-/format/auto/`, `-/` prefix optional) into an {@link ImageTransformation}, each
 * operation checked as the builder checks it: `String(parseTransformation(String(t)))` is `String(t)` for any `t`.
 * @throws InvalidTransformationError for an operation the builder does not know (`unknown-operation`), too many
 *   arguments (`count`), or an argument it refuses (the rule of that argument).
 */
export function parseTransformation(effects: string): ImageTransformation {
  if (typeof effects !== 'string') throw new InvalidParamError(`effects must be a string, not ${describeValue(effects)}`);
  const body = effects.replace(/^\/?(?:-\/)?/, '').replace(/\/$/, '');
  if (body === '') return new ImageTransformation();
  return body.split('/-/').reduce((t, text) => {
    const [name = '', ...args] = text.split('/');
    const known = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
    if (!known) refuse(name, 'operation', 'unknown-operation', `is not an operation of the builder (${Object.keys(OPERATIONS).join(', ')})`, name);
    const [most, apply] = known;
    if (args.length > most) refuse(name, 'arguments', 'count', `takes at most ${most} argument${most === 1 ? '' : 's'}`, args.join('/'));
    return apply(t, args);
  }, new ImageTransformation());
}
