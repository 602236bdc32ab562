import type { ByteSource } from './byte-source.js';
import { looksLikeIsoBmff, readIsoBmff } from './iso-bmff.js';
import { looksLikeMatroska, readMatroska } from './matroska.js';
import type { VideoInfo } from './video-info.js';

/**
 * The video details of an MP4, QuickTime, WebM or Matroska file, read from its container headers (no decoding), as
 * the real service reports them in `content_info.video`. Null for anything else, for a file without a video track and
 * for one whose headers are cut short or do not hold together.
 */
export async function readVideoInfo(head: Uint8Array, source: ByteSource): Promise<VideoInfo | null> {
  try {
    if (looksLikeMatroska(head)) return await readMatroska(source);
    if (looksLikeIsoBmff(head)) return await readIsoBmff(source);
  } catch (error) {
    if (error instanceof RangeError) return null; // a header cut short or an offset past the end
    throw error;
  }
  return null;
}
