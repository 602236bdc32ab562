import type { FileRecord } from '../state/records.js';

/**
 * What documents Uploadcare converts, from its document conversion guide
 * (https://uploadcare.com/docs/transformations/document-conversion/): the input formats it reads and the target
 * formats it writes. Which pairs a real document allows depends on its content (a spreadsheet target needs a
 * spreadsheet); the emulator allows a pair when both sides are of one family below.
 */
const FAMILIES = {
  // `enhanced.jpg`: "for PDF documents with inline fonts", a note of the guide; the emulator allows it to the family.
  text: { sources: ['doc', 'docx', 'odt', 'rtf', 'txt', 'pdf', 'djvu', 'eml', 'pages', 'wpd', 'wps', 'msg', 'xps', 'ps', 'eps', 'key', 'ppt', 'pptx', 'pps', 'ppsx', 'odp', 'pub', 'vsd', 'vsdx', 'skw', 'mpp', 'psd', 'ai'], targets: ['pdf', 'doc', 'docx', 'odt', 'rtf', 'txt', 'jpg', 'enhanced.jpg', 'png'] },
  sheet: { sources: ['xls', 'xlsx', 'ods', 'csv', 'numbers', 'xlr'], targets: ['pdf', 'xls', 'xlsx', 'ods', 'csv', 'txt', 'jpg', 'png'] },
  // The emulator's assumption, not the guide's: an image converts to the two image targets and to PDF.
  image: { sources: ['jpg', 'png', 'gif', 'webp', 'tiff', 'bmp', 'heic', 'avif'], targets: ['pdf', 'jpg', 'enhanced.jpg', 'png'] },
} as const;

/** Every target format of the guide. */
export const DOCUMENT_TARGETS = ['doc', 'docx', 'xls', 'xlsx', 'odt', 'ods', 'rtf', 'txt', 'pdf', 'jpg', 'enhanced.jpg', 'png', 'csv'] as const;

/** The document format of a file, from its name's extension; null when it is not a document Uploadcare reads. */
export function documentFormat(file: FileRecord): string | null {
  const extension = /\.([a-z0-9]+)$/i.exec(file.filename)?.[1]?.toLowerCase() ?? '';
  const known = Object.values(FAMILIES).some((family) => (family.sources as readonly string[]).includes(extension));
  if (known) return extension;
  if (file.mimeType === 'application/pdf') return 'pdf';
  if (file.mimeType.startsWith('text/plain')) return 'txt';
  return null;
}

/** The formats a document of `format` converts to, in the guide's order. */
export function conversionTargets(format: string): readonly string[] {
  for (const family of Object.values(FAMILIES)) {
    if ((family.sources as readonly string[]).includes(format)) return family.targets;
  }
  return [];
}

/** Video containers the video encoder writes (https://uploadcare.com/docs/transformations/video-encoding/). */
export const VIDEO_FORMATS = ['mp4', 'webm', 'ogg'] as const;
export const VIDEO_QUALITIES = ['normal', 'better', 'best', 'lighter', 'lightest'] as const;
export const VIDEO_RESIZE_MODES = ['preserve_ratio', 'change_ratio', 'scale_crop', 'add_padding'] as const;
