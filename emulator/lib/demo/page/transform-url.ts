import { ImageTransformation, type RightAngle } from 'rxuploadcare';

/** What the transform panel's controls choose. */
export interface TransformChoices {
  readonly sizing: 'preview' | 'resize' | 'scale_crop' | 'smart_resize';
  readonly width: number;
  readonly height: number;
  readonly rotate: number;
  readonly format: 'auto' | 'jpeg' | 'png' | 'webp' | 'avif';
  readonly quality: 'normal' | 'better' | 'best' | 'lighter' | 'lightest' | 'smart';
  readonly effects: readonly ('grayscale' | 'invert' | 'flip' | 'mirror' | 'enhance' | 'sharp' | 'blur')[];
}

/**
 * The CDN effects the choices make, e.g. `scale_crop/300x200/center/-/grayscale/-/format/auto/`, built by the
 * library's transformation builder, the way an app builds its URLs (docs/images.md).
 */
export function transformEffects(choices: TransformChoices): string {
  const { width, height } = choices;
  const sized = new ImageTransformation();
  let transformation =
    choices.sizing === 'scale_crop'
      ? sized.scaleCrop(width, height, { position: 'center' })
      : choices.sizing === 'resize'
        ? sized.resize(width, height)
        : choices.sizing === 'smart_resize'
          ? sized.smartResize(width, height)
          : sized.preview(width, height);
  if (choices.rotate !== 0) transformation = transformation.rotate(choices.rotate as RightAngle);
  for (const effect of choices.effects) transformation = EFFECTS[effect](transformation);
  return transformation.quality(choices.quality).format(choices.format).effects;
}

const EFFECTS: Readonly<Record<TransformChoices['effects'][number], (t: ImageTransformation) => ImageTransformation>> = {
  grayscale: (t) => t.grayscale(),
  invert: (t) => t.invert(),
  flip: (t) => t.flip(),
  mirror: (t) => t.mirror(),
  enhance: (t) => t.enhance(),
  sharp: (t) => t.sharp(),
  blur: (t) => t.blur(),
};
