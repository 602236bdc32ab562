// Minimal but well-formed video containers built byte by byte, for the emulator's video readers: the boxes of
// ISO/IEC 14496-12 (MP4, QuickTime) and the elements of RFC 8794 / RFC 9559 (EBML, Matroska, WebM). Media data is
// zeros: the readers look at headers only.

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));
const u16 = (value: number): number[] => [(value >>> 8) & 255, value & 255];
const u32 = (value: number): number[] => [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
const zeros = (length: number): number[] => new Array<number>(length).fill(0);
const float64 = (value: number): number[] => {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value);
  return [...bytes];
};

function box(type: string, ...parts: number[][]): number[] {
  const body = parts.flat();
  return [...u32(8 + body.length), ...ascii(type), ...body];
}
/** A full box: version 0, no flags. */
const fullBox = (type: string, ...parts: number[][]): number[] => box(type, [0, 0, 0, 0], ...parts);

/** `mvhd` / `mdhd`-style timing (version 0): creation and modification times, timescale, duration. */
const times = (timescale: number, duration: number): number[] => [...u32(0), ...u32(0), ...u32(timescale), ...u32(duration)];

function track(handler: string, timescale: number, duration: number, sampleEntry: number[], stts: [count: number, delta: number][], stsz: number[]): number[] {
  return box(
    'trak',
    fullBox('tkhd', zeros(80)),
    box(
      'mdia',
      fullBox('mdhd', times(timescale, duration), zeros(4)),
      fullBox('hdlr', zeros(4), ascii(handler), zeros(12), [0]),
      box('minf', box('stbl', fullBox('stsd', u32(1), sampleEntry), fullBox('stts', u32(stts.length), stts.flatMap(([count, delta]) => [...u32(count), ...u32(delta)])), stsz)),
    ),
  );
}

/** A visual sample entry (`avc1`, `hvc1`...) of `width` x `height`. */
const visualEntry = (format: string, width: number, height: number): number[] =>
  box(format, zeros(6), u16(1), zeros(16), u16(width), u16(height), u32(0x480000), u32(0x480000), zeros(4), u16(1), zeros(32), u16(0x18), u16(0xffff));

/** A sound sample entry (version 0) with `channels` channels at `rate` Hz. */
const soundEntry = (format: string, channels: number, rate: number): number[] => box(format, zeros(6), u16(1), zeros(8), u16(channels), u16(16), zeros(4), u32(rate * 65536));

/** What {@link mp4} puts in its file. */
export const MP4_FACTS = {
  /** 3 s (`mvhd`: 3000 at 1000 per second). */
  durationMs: 3000,
  width: 640,
  height: 480,
  /** 90 frames of 512 ticks at 15360 per second. */
  frameRate: 30,
  /** 150 000 bytes of video samples over 3 s. */
  videoKbps: 400,
  sampleRate: 44100,
  channels: 2,
  /** 129 AAC frames of 372 bytes over 3 s: 127.97 kbps. */
  audioKbps: 128,
} as const;

/**
 * An MP4 (or, with brand `qt  `, a QuickTime movie) of exactly `size` bytes: an H.264 track of 640x480 at 30 fps and
 * an AAC track of 44.1 kHz stereo, 3 s long. Its `moov` comes first, or after the media data (`moovLast`), as
 * encoders write it before moving it for streaming.
 */
export function mp4(options: { size: number; brand?: string; moovLast?: boolean; withAudio?: boolean; withVideo?: boolean }): Uint8Array<ArrayBuffer> {
  const brand = options.brand ?? 'isom';
  const videoSizes = [...new Array<number>(89).fill(1600), 7600];
  const tracks = [
    ...(options.withVideo ?? true ? track('vide', 15360, 46080, visualEntry('avc1', MP4_FACTS.width, MP4_FACTS.height), [[90, 512]], fullBox('stsz', u32(0), u32(90), videoSizes.flatMap(u32))) : []),
    ...(options.withAudio ?? true ? track('soun', 44100, 132300, soundEntry('mp4a', MP4_FACTS.channels, MP4_FACTS.sampleRate), [[129, 1024]], fullBox('stsz', u32(372), u32(129))) : []),
  ];
  const ftyp = box('ftyp', ascii(brand), u32(512), ascii(brand), ascii('mp41'));
  const moov = box('moov', fullBox('mvhd', times(1000, MP4_FACTS.durationMs), zeros(80)), tracks);
  const mdatSize = options.size - ftyp.length - moov.length;
  if (mdatSize < 8) throw new Error(`an MP4 of ${options.size} bytes cannot hold its boxes`);
  const mdat = [...u32(mdatSize), ...ascii('mdat')];
  const bytes = new Uint8Array(options.size);
  const layout = options.moovLast ? [ftyp, mdat, null, moov] : [ftyp, moov, mdat, null];
  let offset = 0;
  for (const part of layout) {
    if (part === null) offset += mdatSize - 8; // the media data: zeros
    else {
      bytes.set(part, offset);
      offset += part.length;
    }
  }
  return bytes;
}

/** An EBML element: its ID bytes, a 4-byte size, its body. */
function element(id: readonly number[], ...parts: number[][]): number[] {
  const body = parts.flat();
  return [...id, 0x10 | (body.length >>> 24), (body.length >>> 16) & 255, (body.length >>> 8) & 255, body.length & 255, ...body];
}
const uint = (id: readonly number[], value: number): number[] => element(id, value > 255 ? u32(value) : [value]);
const string = (id: readonly number[], value: string): number[] => element(id, ascii(value));

const EBML_ID = {
  header: [0x1a, 0x45, 0xdf, 0xa3],
  docType: [0x42, 0x82],
  segment: [0x18, 0x53, 0x80, 0x67],
  info: [0x15, 0x49, 0xa9, 0x66],
  timestampScale: [0x2a, 0xd7, 0xb1],
  duration: [0x44, 0x89],
  tracks: [0x16, 0x54, 0xae, 0x6b],
  trackEntry: [0xae],
  trackNumber: [0xd7],
  trackType: [0x83],
  codecId: [0x86],
  defaultDuration: [0x23, 0xe3, 0x83],
  video: [0xe0],
  pixelWidth: [0xb0],
  pixelHeight: [0xba],
  audio: [0xe1],
  samplingFrequency: [0xb5],
  channels: [0x9f],
  cluster: [0x1f, 0x43, 0xb6, 0x75],
  timestamp: [0xe7],
} as const;

/** A `SimpleBlock` of track 1 to 127 at `timestamp` milliseconds into its cluster: a key frame of two zero bytes. */
const simpleBlock = (track: number, timestamp: number): number[] => element([0xa3], [0x80 | track, ...u16(timestamp), 0x80, 0, 0]);

/** What {@link webm} puts in its file (unless told otherwise). */
export const WEBM_FACTS = { durationMs: 2500, width: 320, height: 240, frameRate: 25, sampleRate: 48000, channels: 2 } as const;

/**
 * A WebM (or, with `docType: 'matroska'`, a Matroska) file of exactly `size` bytes: a video track (`V_VP9` unless
 * told) of 320x240 at 25 fps and an Opus track at 48 kHz stereo, 2.5 s long, then a cluster of zeros. `live` writes it
 * as a browser's MediaRecorder does: a segment of unknown size, no duration and no frame duration, a cluster of blocks.
 */
export function webm(options: { size: number; docType?: string; videoCodec?: string; audioCodec?: string; live?: boolean }): Uint8Array<ArrayBuffer> {
  const header = element(EBML_ID.header, uint([0x42, 0x86], 1), uint([0x42, 0xf7], 1), uint([0x42, 0xf2], 4), uint([0x42, 0xf3], 8), string(EBML_ID.docType, options.docType ?? 'webm'), uint([0x42, 0x87], 4), uint([0x42, 0x85], 2));
  const info = element(EBML_ID.info, uint(EBML_ID.timestampScale, 1_000_000), options.live ? [] : element(EBML_ID.duration, float64(WEBM_FACTS.durationMs)));
  const videoTrack = element(
    EBML_ID.trackEntry,
    uint(EBML_ID.trackNumber, 1),
    uint(EBML_ID.trackType, 1),
    string(EBML_ID.codecId, options.videoCodec ?? 'V_VP9'),
    options.live ? [] : uint(EBML_ID.defaultDuration, 1e9 / WEBM_FACTS.frameRate),
    element(EBML_ID.video, uint(EBML_ID.pixelWidth, WEBM_FACTS.width), uint(EBML_ID.pixelHeight, WEBM_FACTS.height)),
  );
  const audioTrack = element(
    EBML_ID.trackEntry,
    uint(EBML_ID.trackNumber, 2),
    uint(EBML_ID.trackType, 2),
    string(EBML_ID.codecId, options.audioCodec ?? 'A_OPUS'),
    element(EBML_ID.audio, element(EBML_ID.samplingFrequency, float64(WEBM_FACTS.sampleRate)), uint(EBML_ID.channels, WEBM_FACTS.channels)),
  );
  const tracks = element(EBML_ID.tracks, videoTrack, audioTrack);
  const clusterStart = header.length + 12 + info.length + tracks.length; // the segment header: 4-byte ID, 8-byte size
  // A recording states no frame duration: its blocks' timestamps tell the frame rate (video every 40 ms, audio every 20).
  const blocks = options.live ? Array.from({ length: 20 }, (_, i) => [...simpleBlock(1, i * 40), ...simpleBlock(2, i * 40), ...simpleBlock(2, i * 40 + 20)]).flat() : [];
  const timestamp = uint(EBML_ID.timestamp, 0);
  const padding = options.size - clusterStart - 8 - timestamp.length - blocks.length; // after the cluster's ID, size, timestamp and blocks
  if (padding < 0) throw new Error(`a WebM of ${options.size} bytes cannot hold its elements`);
  const cluster = element(EBML_ID.cluster, timestamp, blocks, zeros(padding));
  const segmentSize = options.live ? [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff] : [0x01, 0, 0, 0, ...u32(info.length + tracks.length + cluster.length)];
  return new Uint8Array([...header, ...EBML_ID.segment, ...segmentSize, ...info, ...tracks, ...cluster]);
}
