// Runnable examples of docs/images.md (spec/cdn/docs-examples.spec.ts runs them against the emulator).
import { firstValueFrom } from 'rxjs';
import { File, ImageTransformation, pictureSources, srcset, toFile, type PictureSources, type Uploadcare } from '../../../lib/index.js';

/** The transformation of every thumbnail of a gallery: a smart square, the best format for the browser. */
export const THUMBNAIL = new ImageTransformation().scaleCrop(300, 300, { type: 'smart' }).format('auto').quality('smart');

/** A thumbnail URL of a file: no request. */
export function thumbnailUrl(file: File): string {
  return file.cdnUrlWith(THUMBNAIL);
}

/** `srcset` and `<picture>` sources of a hero image: cropped to 16:9 around what matters, at three widths. */
export function heroImage(file: File): { readonly srcset: string; readonly picture: PictureSources } {
  const hero = new ImageTransformation().scaleCrop(1600, 900, { type: 'smart_faces_objects' }).quality('smart');
  return {
    srcset: srcset(file, [480, 960, 1600], hero.format('auto')),
    picture: pictureSources(file, { widths: [480, 960, 1600], transformation: hero }),
  };
}

/** Node: uploads an image and fetches its thumbnail through the CDN; resolves to the answer's Content-Type. */
export async function uploadAndFetchThumbnail(uc: Uploadcare, png: Uint8Array): Promise<string | null> {
  const file = await firstValueFrom(File.upload(png, { filename: 'photo.png' }, uc).pipe(toFile()));
  const answer = await fetch(file.cdnUrlWith(new ImageTransformation().preview(64, 64).format('png')));
  await answer.arrayBuffer();
  return answer.headers.get('content-type');
}
