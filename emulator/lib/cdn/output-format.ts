import type { FormatChoice } from './image-operation.js';

/** The formats the CDN encodes to. */
export type OutputFormat = 'jpeg' | 'png' | 'webp' | 'avif';

export const CONTENT_TYPES: Readonly<Record<OutputFormat, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
};

/**
 * The format of a processed image, as https://uploadcare.com/docs/transformations/image/compression/#operation-format
 * describes it: `auto` (the default once any operation applies) gives AVIF when the request's `Accept` lists
 * `image/avif`, else WebP for `image/webp`, else PNG for an image with transparency and JPEG for one without (the real
 * service also gives PNG to opaque "illustrations", which the emulator cannot tell apart). `preserve` keeps JPEG and
 * PNG and turns anything else into one of them.
 */
export function outputFormat(choice: FormatChoice | null, accept: string | undefined, sourceFormat: string, transparent: boolean): OutputFormat {
  switch (choice) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'avif':
      return choice;
    case 'preserve':
      if (sourceFormat === 'JPEG') return 'jpeg';
      if (sourceFormat === 'PNG') return 'png';
      return transparent ? 'png' : 'jpeg';
    default:
      if (accepts(accept, 'image/avif')) return 'avif';
      if (accepts(accept, 'image/webp')) return 'webp';
      return transparent ? 'png' : 'jpeg';
  }
}

/** True when a format is picked from `Accept`, so the answer varies with it. */
export function negotiates(choice: FormatChoice | null): boolean {
  return choice === null || choice === 'auto';
}

function accepts(accept: string | undefined, type: string): boolean {
  return (accept ?? '').split(',').some((item) => {
    const [range = '', ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return range === type && (q === undefined || Number(q.slice(2)) > 0);
  });
}
