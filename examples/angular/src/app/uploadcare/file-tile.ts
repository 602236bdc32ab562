import type { File as UploadcareFile, FileInfo } from 'rxuploadcare';

/** What the grid shows of a file. */
export interface FileTile {
  readonly uuid: string;
  readonly name: string;
  readonly size: number;
  readonly uploaded: string;
  readonly isImage: boolean;
  readonly cdnUrl: string;
  /** A CDN preview, the transformation as a plain URL string. */
  readonly thumbnailUrl: string;
}

/** The CDN operations of a thumbnail: fit in a square of this many pixels. */
export const THUMBNAIL_EFFECTS = 'preview/320x320/';

/**
 * A tile from a file and its info (a list entry's info is cached: reading it makes no request).
 * TODO(srcset): once the library's transformation builder lands, give tiles a `srcset` (1x, 2x previews) built by it.
 */
export function fileTile(file: UploadcareFile, info: FileInfo): FileTile {
  return {
    uuid: file.uuid,
    name: info.original_filename,
    size: info.size,
    uploaded: info.datetime_uploaded,
    isImage: info.is_image,
    cdnUrl: file.cdnUrl,
    thumbnailUrl: `${file.client.options.cdnBase}${file.cdnPath(THUMBNAIL_EFFECTS)}`,
  };
}
