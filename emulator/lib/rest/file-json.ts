import { exifJson } from '../upload/content/exif.js';
import { videoInfoJson } from '../upload/content/video/video-info.js';
import type { FileRecord, ImageInfo } from '../state/records.js';
import { formatDatetime, formatNullableDatetime } from './datetime.js';

/** Options of {@link fileJson}. */
export interface FileJsonOptions {
  /** Adds `appdata` (`include=appdata`). */
  readonly appdata?: boolean;
}

/**
 * The CDN URL of a file's original: the emulator serves its CDN on its own origin. Its name part is the file name
 * with what is not a letter, a digit, `_` or `.` left out, as the real service writes it (`two-of-them.jpg` gives
 * `twoofthem.jpg`); `original_filename` keeps the name as uploaded.
 */
export function fileCdnUrl(origin: string, file: FileRecord): string {
  return `${origin}/${file.uuid}/${encodeURIComponent(file.filename.replace(/[^\p{L}\p{N}_.]/gu, ''))}`;
}

/** A file's REST URL (`url` in its JSON, `Location` of a copy). */
export function fileRestUrl(origin: string, file: FileRecord): string {
  return `${origin}/files/${file.uuid}/`;
}

/** A file as the REST API v0.7 describes it (the `file` schema). */
export function fileJson(file: FileRecord, origin: string, options: FileJsonOptions = {}): Record<string, unknown> {
  const json: Record<string, unknown> = {
    datetime_removed: formatNullableDatetime(file.datetimeRemoved),
    datetime_stored: formatNullableDatetime(file.datetimeStored),
    datetime_uploaded: formatDatetime(file.datetimeUploaded),
    is_image: file.imageInfo !== null,
    is_ready: true,
    mime_type: file.mimeType,
    original_file_url: fileCdnUrl(origin, file),
    original_filename: file.filename,
    size: file.size,
    url: fileRestUrl(origin, file),
    uuid: file.uuid,
    variations: null,
    content_info: contentInfoJson(file),
    metadata: { ...file.metadata },
    tags: [...file.tags],
  };
  if (options.appdata) json['appdata'] = file.appdata ? { ...file.appdata } : {};
  return json;
}

function contentInfoJson(file: FileRecord): Record<string, unknown> {
  const [type = 'application', subtype = 'octet-stream'] = file.mimeType.split(';')[0]?.trim().split('/') ?? [];
  const info: Record<string, unknown> = { mime: { mime: `${type}/${subtype}`, type, subtype } };
  if (file.imageInfo) info['image'] = imageInfoJson(file.imageInfo);
  if (file.videoInfo) info['video'] = videoInfoJson(file.videoInfo);
  return info;
}

// The image header and its EXIF block (orientation, place, date, dpi: null where the image does not tell).
function imageInfoJson(image: ImageInfo): Record<string, unknown> {
  return {
    format: image.format,
    width: image.width,
    height: image.height,
    sequence: image.sequence ?? false,
    color_mode: image.colorMode ?? 'RGB',
    ...exifJson(image),
  };
}

/**
 * The `result` of `POST /files/local_copy/`: the real service answers before the copy is done, so size 0, a generic
 * MIME type and no content info (the `fileCopy` schema); `GET /files/{uuid}/` shows the finished copy.
 */
export function fileCopyJson(copy: FileRecord, origin: string): Record<string, unknown> {
  return {
    ...fileJson(copy, origin),
    is_ready: false,
    size: 0,
    mime_type: 'application/octet-stream',
    content_info: null,
  };
}
