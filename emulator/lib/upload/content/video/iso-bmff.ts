import { latin1, viewOf, type ByteSource } from './byte-source.js';
import { ISO_AUDIO_CODECS, ISO_VIDEO_CODECS, codecName } from './codec-names.js';
import { durationMilliseconds, kilobitsPerSecond, roundFrameRate, wholeHertz, type AudioStreamInfo, type VideoInfo, type VideoStreamInfo } from './video-info.js';

// MP4 and QuickTime (ISO/IEC 14496-12 boxes): the movie header (`moov/mvhd`) gives the duration; each track
// (`moov/trak`) its kind (`mdia/hdlr`), timing (`mdia/mdhd`), codec and picture or sound format (`stbl/stsd`), frame
// timing (`stbl/stts`) and sample sizes (`stbl/stsz`, for its bitrate). `moov` may follow the media data (`mdat`), so
// the top-level boxes are walked by their headers and only `moov` is read whole.

/** Box types a file may start with (QuickTime files written before `ftyp` existed start with the others). */
const FIRST_BOXES = new Set(['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip']);
const MAX_TOP_LEVEL_BOXES = 64;
/** A larger `moov` is not read (an hour of 60 fps video needs about 3 MB of sample tables). */
const MAX_MOOV_BYTES = 32 * 1024 * 1024;
const MAX_CHILDREN = 4096;

/** True when `head` starts like an MP4 or QuickTime file. */
export function looksLikeIsoBmff(head: Uint8Array): boolean {
  return head.length >= 8 && FIRST_BOXES.has(latin1(head, 4, 4));
}

/** The video details of an MP4 / QuickTime file; null when it has no video track or its boxes do not hold together. */
export async function readIsoBmff(source: ByteSource): Promise<VideoInfo | null> {
  let brand = '';
  let offset = 0;
  for (let i = 0; i < MAX_TOP_LEVEL_BOXES && offset + 8 <= source.size; i++) {
    const header = await source.read(offset, 16);
    const box = boxHeader(header, viewOf(header), 0, source.size - offset);
    if (!box || (i === 0 && !FIRST_BOXES.has(box.type))) return null;
    if (box.type === 'ftyp') brand = latin1(header, 8, 4);
    if (box.type === 'moov') {
      if (box.end > MAX_MOOV_BYTES) return null;
      const moov = await source.read(offset + box.start, box.end - box.start);
      return moov.length === box.end - box.start ? movieInfo(moov, brand, source.size) : null;
    }
    offset += box.end;
  }
  return null;
}

interface Box {
  readonly type: string;
  /** Where the body starts and the box ends, from the start of what was read. */
  readonly start: number;
  readonly end: number;
}

/** The box whose header is at `offset`, within `limit` bytes; null when its size does not fit. */
function boxHeader(bytes: Uint8Array, view: DataView, offset: number, limit: number): Box | null {
  const type = latin1(bytes, offset + 4, 4);
  let size = view.getUint32(offset);
  let header = 8;
  if (size === 1) {
    size = Number(view.getBigUint64(offset + 8));
    header = 16;
  } else if (size === 0) {
    size = limit; // to the end of the file (or of the parent)
  }
  if (size < header || size > limit || !/^[\x20-\x7e]{4}$/.test(type)) return null;
  return { type, start: offset + header, end: offset + size };
}

/** The boxes one after another in `bytes[start, end)` (a parent box's body). */
function childBoxes(bytes: Uint8Array, view: DataView, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  for (let offset = start; offset + 8 <= end && boxes.length < MAX_CHILDREN; ) {
    const box = boxHeader(bytes, view, offset, end - offset);
    if (!box) break;
    boxes.push(box);
    offset = box.end;
  }
  return boxes;
}

/** The first box down the path of `types` from `parent`. */
function descend(bytes: Uint8Array, view: DataView, parent: Box, ...types: string[]): Box | undefined {
  let box: Box | undefined = parent;
  for (const type of types) box = box && childBoxes(bytes, view, box.start, box.end).find((child) => child.type === type);
  return box;
}

/** The timescale and duration of an `mvhd` or `mdhd` body (version 1 has 64-bit times). */
function timing(view: DataView, box: Box): { seconds: number; timescale: number } {
  const long = view.getUint8(box.start) === 1;
  const timescale = view.getUint32(box.start + (long ? 20 : 12));
  const duration = long ? Number(view.getBigUint64(box.start + 24)) : view.getUint32(box.start + 16);
  const unknown = long ? duration >= Number.MAX_SAFE_INTEGER : duration === 0xffffffff;
  return { timescale, seconds: timescale > 0 && !unknown ? duration / timescale : 0 };
}

/** A track this reader understands, with its own duration (for a movie header that has none, as fragmented MP4s). */
type Track =
  | { readonly kind: 'video'; readonly stream: VideoStreamInfo; readonly seconds: number }
  | { readonly kind: 'audio'; readonly stream: AudioStreamInfo; readonly seconds: number };

function movieInfo(moov: Uint8Array, brand: string, fileSize: number): VideoInfo | null {
  const view = viewOf(moov);
  const boxes = childBoxes(moov, view, 0, moov.length);
  const header = boxes.find((box) => box.type === 'mvhd');
  if (!header) return null;
  const tracks = boxes.filter((box) => box.type === 'trak').flatMap((trak) => readTrack(moov, view, trak) ?? []);
  const video = tracks.flatMap((track) => (track.kind === 'video' ? [track.stream] : []));
  if (video.length === 0) return null;
  const seconds = timing(view, header).seconds || Math.max(0, ...tracks.map((track) => track.seconds));
  return {
    format: brand === 'qt  ' || brand === '' ? 'mov' : 'mp4',
    duration: durationMilliseconds(seconds),
    bitrate: kilobitsPerSecond(fileSize, seconds),
    video,
    audio: tracks.flatMap((track) => (track.kind === 'audio' ? [track.stream] : [])),
  };
}

function readTrack(bytes: Uint8Array, view: DataView, trak: Box): Track | null {
  const mdia = descend(bytes, view, trak, 'mdia');
  const mdhd = mdia && descend(bytes, view, mdia, 'mdhd');
  const hdlr = mdia && descend(bytes, view, mdia, 'hdlr');
  const stbl = mdia && descend(bytes, view, mdia, 'minf', 'stbl');
  const stsd = stbl && descend(bytes, view, stbl, 'stsd');
  if (!mdhd || !hdlr || !stbl || !stsd || view.getUint32(stsd.start + 4) === 0) return null;
  const { seconds, timescale } = timing(view, mdhd);
  const entry = stsd.start + 8; // the first sample entry: size, format, 6 reserved bytes, data reference index
  const format = latin1(bytes, entry + 4, 4);
  const sampleBytes = totalSampleBytes(view, descend(bytes, view, stbl, 'stsz'));
  const bitrate = sampleBytes === null ? null : kilobitsPerSecond(sampleBytes, seconds);
  const handler = latin1(bytes, hdlr.start + 8, 4);
  if (handler === 'vide') {
    const frames = frameTiming(view, descend(bytes, view, stbl, 'stts'));
    const frameRate = frames.singleDelta ? timescale / frames.singleDelta : frames.count / seconds;
    // A visual sample entry: 16 bytes of pre-defined and reserved fields, then width and height.
    const [width, height] = [view.getUint16(entry + 32), view.getUint16(entry + 34)];
    return { kind: 'video', seconds, stream: { width, height, frameRate: roundFrameRate(frameRate), bitrate, codec: codecName(ISO_VIDEO_CODECS, format) } };
  }
  if (handler === 'soun') {
    // A sound sample entry: version (QuickTime's 2 moves rate and channels), revision, vendor, then channel count,
    // sample size, two reserved fields and the rate as 16.16 fixed point.
    const version2 = view.getUint16(entry + 16) === 2;
    const sampleRate = version2 ? view.getFloat64(entry + 40) : view.getUint32(entry + 32) >>> 16;
    const channels = version2 ? view.getUint32(entry + 48) : view.getUint16(entry + 24);
    return { kind: 'audio', seconds, stream: { bitrate, codec: codecName(ISO_AUDIO_CODECS, format), sampleRate: wholeHertz(sampleRate), channels: channels || null } };
  }
  return null;
}

/** How many samples `stts` lists, and their duration when all have the same one. */
function frameTiming(view: DataView, stts: Box | undefined): { count: number; singleDelta: number | null } {
  if (!stts) return { count: 0, singleDelta: null };
  const entries = Math.min(view.getUint32(stts.start + 4), Math.floor((stts.end - stts.start - 8) / 8));
  let count = 0;
  for (let i = 0; i < entries; i++) count += view.getUint32(stts.start + 8 + i * 8);
  const singleDelta = entries === 1 ? view.getUint32(stts.start + 12) : null;
  return { count, singleDelta: singleDelta || null };
}

/** The sum of a track's sample sizes (`stsz`: one size for all, or one per sample); null without the box. */
function totalSampleBytes(view: DataView, stsz: Box | undefined): number | null {
  if (!stsz) return null;
  const commonSize = view.getUint32(stsz.start + 4);
  const count = view.getUint32(stsz.start + 8);
  if (commonSize !== 0) return commonSize * count;
  const listed = Math.min(count, Math.floor((stsz.end - stsz.start - 12) / 4));
  let total = 0;
  for (let i = 0; i < listed; i++) total += view.getUint32(stsz.start + 12 + i * 4);
  return total;
}
