/**
 * The CDN's processing operations (`-/<name>/<args>/`), as far as the emulator checks them: each one's arguments, and
 * whether it needs an image. The real CDN answers 400 for an operation it does not know, for malformed arguments, and
 * for image operations on a file that is not an image; the emulator does the same (it applies none of them: the image
 * work lives elsewhere), so a URL that fails in production fails here too.
 */
interface OperationSpec {
  /** Patterns of the arguments, in order; the last ones may be left out down to `minArgs`. */
  readonly args: readonly RegExp[];
  readonly minArgs: number;
  /** False for what applies to any file (`inline`). */
  readonly imageOnly: boolean;
}

const DIMENSIONS = /^(?:\d+x\d*|\d*x\d+)$/;
const CROP_SIZE = /^\d+p?x\d+p?$|^\d+:\d+$/;
const POSITION = /^(?:center|smart\w*|face|objects?|top|bottom|left|right|(?:top|bottom)?(?:left|right)?|\d+p?,\d+p?)$/;
const LEVEL = /^-?\d+$/;
const AMOUNT = /^\d+$/;
const FLAG = /^(?:yes|no)$/;
const NAME = /^[a-z_][\w-]*$/;

const image = (args: readonly RegExp[], minArgs = args.length): OperationSpec => ({ args, minArgs, imageOnly: true });

const OPERATIONS: Readonly<Record<string, OperationSpec>> = {
  preview: image([DIMENSIONS], 0),
  resize: image([DIMENSIONS]),
  smart_resize: image([DIMENSIONS]),
  scale_crop: image([DIMENSIONS, POSITION], 1),
  crop: image([CROP_SIZE, POSITION], 1),
  stretch: image([/^(?:on|off|fill)$/]),
  setfill: image([/^[0-9a-f]{3,8}$/i]),
  format: image([/^(?:jpeg|jpg|png|webp|gif|auto|preserve)$/]),
  quality: image([/^(?:normal|better|best|lighter|lightest|smart|smart_retina)$/]),
  progressive: image([FLAG]),
  autorotate: image([FLAG]),
  rotate: image([AMOUNT]),
  flip: image([]),
  mirror: image([]),
  grayscale: image([]),
  invert: image([]),
  sharp: image([AMOUNT], 0),
  blur: image([AMOUNT], 0),
  blur_region: image([CROP_SIZE, /^\d+p?,\d+p?$/, AMOUNT], 2),
  enhance: image([AMOUNT], 0),
  filter: image([NAME, AMOUNT], 1),
  brightness: image([LEVEL]),
  exposure: image([LEVEL]),
  gamma: image([LEVEL]),
  contrast: image([LEVEL]),
  saturation: image([LEVEL]),
  vibrance: image([LEVEL]),
  warmth: image([LEVEL]),
  srgb: image([/^(?:fast|icc|keep_profile)$/]),
  max_icc_size: image([AMOUNT]),
  strip_meta: image([/^(?:all|none|sensitive)$/]),
  border_radius: image([/^\d+p?(?:,\d+p?){0,3}$/, /^\d+p?(?:,\d+p?){0,3}$/], 1),
  zoom_objects: image([AMOUNT]),
  overlay: image([/^(?:[0-9a-f-]{36}|self)$/i, CROP_SIZE, POSITION, /^\d+p$/], 1),
  effect: image([NAME, AMOUNT], 1),
  json: image([]),
  main_colors: image([AMOUNT], 0),
  detect_faces: image([]),
  gif2video: image([]),
  inline: { args: [FLAG], minArgs: 1, imageOnly: false },
};

/** Operations that answer something else than the file (JSON about it, a video): not emulated, answered 501. */
const NOT_EMULATED = new Set(['json', 'main_colors', 'detect_faces', 'gif2video']);

/** The first operation of `effects` the emulator cannot answer (see {@link NOT_EMULATED}), or null. */
export function notEmulatedOperation(effects: string): string | null {
  return effects.split('/-/').map((operation) => operation.split('/')[0] ?? '').find((name) => NOT_EMULATED.has(name)) ?? null;
}

/** Why the CDN refuses a chain of effects (`resize/200x/-/flip/`) on a file, or null when it takes it. */
export function refusedEffects(effects: string, isImage: boolean): string | null {
  if (effects === '') return null;
  for (const operation of effects.replace(/\/$/, '').split('/-/')) {
    const [name = '', ...args] = operation.split('/');
    const spec = OPERATIONS[name];
    if (!spec) return `Unknown operation "${name}".`;
    if (args.length < spec.minArgs || args.length > spec.args.length || args.some((arg, i) => !spec.args[i]?.test(arg))) {
      return `Invalid arguments of "${name}": ${args.join('/') || 'none'}.`;
    }
    if (spec.imageOnly && !isImage) return `"${name}" applies to images only; the file is not an image.`;
  }
  return null;
}
