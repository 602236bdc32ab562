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
 * The CDN effects the choices make, e.g. `scale_crop/300x200/center/-/grayscale/-/format/auto/`: the one place where
 * the panel builds a URL path, so that the library's transformation builder can take it over.
 */
export function transformEffects(choices: TransformChoices): string {
  const size = `${choices.width}x${choices.height}`;
  const sizing = choices.sizing === 'scale_crop' ? `scale_crop/${size}/center` : `${choices.sizing}/${size}`;
  const operations = [
    sizing,
    ...(choices.rotate === 0 ? [] : [`rotate/${choices.rotate}`]),
    ...choices.effects,
    `quality/${choices.quality}`,
    `format/${choices.format}`,
  ];
  return `${operations.join('/-/')}/`;
}
