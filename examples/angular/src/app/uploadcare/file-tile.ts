import type { File as UploadcareFile, FileInfo } from 'rxuploadcare';

/** What the grid shows of a file. */
export interface FileTile {
  readonly uuid: string;
  readonly name: string;
  readonly size: number;
  readonly uploaded: string;
  readonly isImage: boolean;
  /** The file on the CDN, ending in `/`: the link, and the source of an image's thumbnails. */
  readonly cdnUrl: string;
}

/** A tile from a file and its info (a list entry's info is cached: reading it makes no request). */
export function fileTile(file: UploadcareFile, info: FileInfo): FileTile {
  return {
    uuid: file.uuid,
    name: info.original_filename,
    size: info.size,
    uploaded: info.datetime_uploaded,
    isImage: info.is_image,
    cdnUrl: file.cdnUrl,
  };
}
