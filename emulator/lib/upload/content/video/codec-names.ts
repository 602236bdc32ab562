// Codec names as ffmpeg spells them (`codec_name`), which is how the real service's example names them (`h264`,
// `aac`): by MP4/QuickTime sample entry (the `stsd` four-character code) and by Matroska `CodecID`.

/** MP4 / QuickTime sample entries of video tracks. */
export const ISO_VIDEO_CODECS: Readonly<Record<string, string>> = {
  avc1: 'h264',
  avc3: 'h264',
  hvc1: 'hevc',
  hev1: 'hevc',
  av01: 'av1',
  vp08: 'vp8',
  vp09: 'vp9',
  mp4v: 'mpeg4',
  s263: 'h263',
  jpeg: 'mjpeg',
  mjpa: 'mjpeg',
  apch: 'prores',
  apcn: 'prores',
  apcs: 'prores',
  apco: 'prores',
  ap4h: 'prores',
};

/** MP4 / QuickTime sample entries of audio tracks (`mp4a` is taken as AAC, its usual content). */
export const ISO_AUDIO_CODECS: Readonly<Record<string, string>> = {
  mp4a: 'aac',
  Opus: 'opus',
  fLaC: 'flac',
  'ac-3': 'ac3',
  'ec-3': 'eac3',
  '.mp3': 'mp3',
  alac: 'alac',
  samr: 'amr_nb',
  sawb: 'amr_wb',
};

/** Matroska / WebM `CodecID`s. */
export const MATROSKA_CODECS: Readonly<Record<string, string>> = {
  V_VP8: 'vp8',
  V_VP9: 'vp9',
  V_AV1: 'av1',
  'V_MPEG4/ISO/AVC': 'h264',
  'V_MPEGH/ISO/HEVC': 'hevc',
  'V_MPEG4/ISO/ASP': 'mpeg4',
  V_THEORA: 'theora',
  A_OPUS: 'opus',
  A_VORBIS: 'vorbis',
  A_AAC: 'aac',
  'A_MPEG/L3': 'mp3',
  A_FLAC: 'flac',
  A_AC3: 'ac3',
  A_EAC3: 'eac3',
};

/** The name of `code` in `names`; null for a code it does not hold. */
export function codecName(names: Readonly<Record<string, string>>, code: string): string | null {
  return Object.hasOwn(names, code) ? names[code]! : null;
}
