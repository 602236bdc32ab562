import { exifJson } from './content/exif.js';
import { videoInfoJson, type VideoInfoJson } from './content/video/video-info.js';
import type { FileRecord, ImageInfo } from '../state/records.js';

/** An image's `image_info`, as both the Upload API and REST API v0.7 spell it. */
export interface ImageInfoJson {
  readonly color_mode: string;
  readonly orientation: number | null;
  readonly format: string;
  readonly height: number;
  readonly width: number;
  readonly geo_location: { readonly latitude: number; readonly longitude: number } | null;
  readonly datetime_original: string | null;
  readonly dpi: readonly [number, number] | null;
  readonly sequence: boolean;
}

/** A file as the Upload API describes it (`/info/`, `/multipart/complete/`, `from_url` success, group entries). */
export interface UploadFileInfoJson {
  readonly uuid: string;
  readonly file_id: string;
  readonly size: number;
  readonly total: number;
  readonly done: number;
  readonly original_filename: string;
  readonly filename: string;
  readonly mime_type: string;
  readonly is_image: boolean;
  readonly is_stored: boolean;
  readonly is_ready: boolean;
  readonly image_info: ImageInfoJson | null;
  readonly video_info: VideoInfoJson | null;
  readonly content_info: {
    readonly mime: { readonly mime: string; readonly type: string; readonly subtype: string };
    readonly image?: ImageInfoJson;
    readonly video?: VideoInfoJson;
  };
  readonly metadata: Readonly<Record<string, string>>;
}

/** The Upload API's JSON for a file record. */
export function uploadFileInfoJson(file: FileRecord): UploadFileInfoJson {
  const imageInfo = file.imageInfo ? imageInfoJson(file.imageInfo) : null;
  const videoInfo = file.videoInfo ? videoInfoJson(file.videoInfo) : null;
  const [type = '', subtype = ''] = file.mimeType.split('/');
  return {
    uuid: file.uuid,
    file_id: file.uuid,
    size: file.size,
    total: file.size,
    done: file.size,
    original_filename: file.filename,
    filename: sanitizeFilename(file.filename),
    mime_type: file.mimeType,
    is_image: imageInfo !== null,
    is_stored: file.datetimeStored !== null && file.datetimeRemoved === null,
    is_ready: true,
    image_info: imageInfo,
    video_info: videoInfo,
    content_info: {
      mime: { mime: file.mimeType, type, subtype },
      ...(imageInfo ? { image: imageInfo } : {}),
      ...(videoInfo ? { video: videoInfo } : {}),
    },
    metadata: { ...file.metadata },
  };
}

/** `image_info` from what the header reader found, EXIF included (null where the image does not tell). */
export function imageInfoJson(info: ImageInfo): ImageInfoJson {
  const exif = exifJson(info);
  return {
    color_mode: info.colorMode ?? 'RGB',
    orientation: exif.orientation,
    format: info.format,
    height: info.height,
    width: info.width,
    geo_location: exif.geo_location,
    datetime_original: exif.datetime_original,
    dpi: exif.dpi,
    sequence: info.sequence ?? false,
  };
}

/** The Upload API's `filename`: the original name with characters other than letters, digits, `.`, `_`, `-` dropped. */
export function sanitizeFilename(name: string): string {
  const cleaned = name.normalize('NFKD').replace(/[^\w.-]+/g, '');
  return cleaned === '' ? 'file' : cleaned;
}
