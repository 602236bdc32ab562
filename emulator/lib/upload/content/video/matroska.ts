import { viewOf, type ByteSource } from './byte-source.js';
import { MATROSKA_CODECS, codecName } from './codec-names.js';
import { children, findChild, float, parseHeader, text, unsigned } from './ebml.js';
import { frameRateFromBlocks } from './matroska-blocks.js';
import { durationMilliseconds, kilobitsPerSecond, roundFrameRate, wholeHertz, type AudioStreamInfo, type VideoInfo, type VideoStreamInfo } from './video-info.js';

// WebM and Matroska (EBML, RFC 8794; Matroska elements, RFC 9559): the EBML header's `DocType` names the format,
// the segment's `Info` gives the duration (in `TimestampScale` nanoseconds), its `Tracks` each stream's codec, picture
// size, frame duration, sampling frequency and channels. Both come before the first `Cluster` in files muxers write;
// the segment's children are walked by their headers up to it and only those two are read whole, with the first
// cluster's start when a video track does not state its frame duration (browser recordings do not).

const ID = {
  ebml: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  info: 0x1549a966,
  timestampScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  trackType: 0x83,
  codecId: 0x86,
  defaultDuration: 0x23e383,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  audio: 0xe1,
  samplingFrequency: 0xb5,
  channels: 0x9f,
  cluster: 0x1f43b675,
} as const;

const TRACK_TYPE = { video: 1, audio: 2 } as const;
const MAX_SEGMENT_CHILDREN = 64;
/** The EBML header, `Info` and `Tracks` are a few hundred bytes; larger ones are not read. */
const MAX_ELEMENT_BYTES = 1024 * 1024;
/** The most of a cluster read for block timestamps. */
const MAX_CLUSTER_BYTES = 4 * 1024 * 1024;
const DEFAULT_TIMESTAMP_SCALE = 1_000_000;
/** The size of an element header read to find the next one: an ID of up to 4 bytes and a size of up to 8. */
const HEADER_BYTES = 12;

/** True when `head` starts with an EBML header. */
export function looksLikeMatroska(head: Uint8Array): boolean {
  return head.length >= 4 && viewOf(head).getUint32(0) === ID.ebml;
}

/** The `DocType` (`webm`, `matroska`) of the EBML header at the start of `head`; undefined when it is not there. */
export function ebmlDocType(head: Uint8Array): string | undefined {
  const header = looksLikeMatroska(head) ? parseHeader(head, 0) : null;
  if (!header || header.size === null) return undefined;
  const body = head.subarray(header.bodyStart, Math.min(head.length, header.bodyStart + header.size));
  return text(body, findChild(body, ID.docType));
}

/** The video details of a WebM / Matroska file; null when it has no video track or its elements do not hold together. */
export async function readMatroska(source: ByteSource): Promise<VideoInfo | null> {
  const ebml = await readElement(source, 0);
  if (!ebml || ebml.id !== ID.ebml) return null;
  const docType = ebmlDocType(await source.read(0, ebml.end)) ?? 'matroska';
  const segment = await elementHeader(source, ebml.end);
  if (!segment || segment.id !== ID.segment) return null;
  let info: Uint8Array | undefined;
  let tracks: Uint8Array | undefined;
  let firstCluster: number | undefined;
  let offset = segment.bodyStart;
  for (let i = 0; i < MAX_SEGMENT_CHILDREN && firstCluster === undefined; i++) {
    const child = await elementHeader(source, offset);
    if (!child) break;
    if (child.id === ID.cluster) firstCluster = offset;
    if (child.id === ID.info) info = (await readElement(source, offset))?.body;
    if (child.id === ID.tracks) tracks = (await readElement(source, offset))?.body;
    if (child.end === null) break;
    offset = child.end;
  }
  if (!tracks) return null;
  const timing = info ? infoTiming(info) : { seconds: 0, timestampScale: DEFAULT_TIMESTAMP_SCALE };
  const streams = readTracks(tracks);
  if (streams.video.length === 0) return null;
  const cluster = streams.video.some((track) => !track.frameNanoseconds) && firstCluster !== undefined ? await clusterBody(source, firstCluster) : undefined;
  return {
    format: docType,
    duration: durationMilliseconds(timing.seconds),
    bitrate: kilobitsPerSecond(source.size, timing.seconds),
    video: streams.video.map(({ trackNumber, frameNanoseconds, ...stream }) => {
      const frameRate = frameNanoseconds ? 1e9 / frameNanoseconds : cluster ? frameRateFromBlocks(cluster, trackNumber, timing.timestampScale) : 0;
      return { ...stream, frameRate: roundFrameRate(frameRate) };
    }),
    audio: streams.audio,
  };
}

/**
 * The body of the cluster at `offset`, or its first {@link MAX_CLUSTER_BYTES} (a recording's clusters may have no
 * size): its block timestamps give a frame rate that the tracks do not state.
 */
async function clusterBody(source: ByteSource, offset: number): Promise<Uint8Array | undefined> {
  const header = await elementHeader(source, offset);
  if (!header) return undefined;
  const end = Math.min(header.end ?? source.size, header.bodyStart + MAX_CLUSTER_BYTES);
  return source.read(header.bodyStart, end - header.bodyStart);
}

interface ElementHeader {
  readonly id: number;
  readonly bodyStart: number;
  /** Where the element ends; null for an element of unknown size (a live stream's segment or cluster). */
  readonly end: number | null;
}

/** The header of the element at `offset` of the file. */
async function elementHeader(source: ByteSource, offset: number): Promise<ElementHeader | null> {
  const bytes = await source.read(offset, HEADER_BYTES);
  const header = parseHeader(bytes, 0);
  if (!header) return null;
  const end = header.size === null ? null : offset + header.bodyStart + header.size;
  if (end !== null && end > source.size) return null;
  return { id: header.id, bodyStart: offset + header.bodyStart, end };
}

/** The element at `offset` of the file, its body read whole (at most {@link MAX_ELEMENT_BYTES}). */
async function readElement(source: ByteSource, offset: number): Promise<{ id: number; body: Uint8Array; end: number } | null> {
  const header = await elementHeader(source, offset);
  if (!header || header.end === null || header.end - header.bodyStart > MAX_ELEMENT_BYTES) return null;
  return { id: header.id, body: await source.read(header.bodyStart, header.end - header.bodyStart), end: header.end };
}

/**
 * `Info`'s `TimestampScale` (nanoseconds a timestamp counts, by default a million) and `Duration` (a float in those
 * units) in seconds, 0 when absent.
 */
function infoTiming(info: Uint8Array): { seconds: number; timestampScale: number } {
  const fields = children(info);
  const timestampScale = unsigned(info, fields.get(ID.timestampScale)?.[0]) || DEFAULT_TIMESTAMP_SCALE;
  const duration = float(info, fields.get(ID.duration)?.[0]) ?? 0;
  return { seconds: (duration * timestampScale) / 1e9, timestampScale };
}

/** A video track as `Tracks` describes it: its number (which blocks carry) and its frame duration, when it says. */
interface VideoTrack extends Omit<VideoStreamInfo, 'frameRate'> {
  readonly trackNumber: number;
  readonly frameNanoseconds: number | undefined;
}

function readTracks(tracks: Uint8Array): { video: VideoTrack[]; audio: AudioStreamInfo[] } {
  const video: VideoTrack[] = [];
  const audio: AudioStreamInfo[] = [];
  for (const entry of children(tracks).get(ID.trackEntry) ?? []) {
    const body = tracks.subarray(entry.start, entry.end);
    const fields = children(body);
    const type = unsigned(body, fields.get(ID.trackType)?.[0]);
    const codecId = text(body, fields.get(ID.codecId)?.[0]) ?? '';
    // `A_AAC/MPEG4/LC` and the like name AAC by their first part.
    const codec = codecName(MATROSKA_CODECS, codecId) ?? codecName(MATROSKA_CODECS, codecId.split('/')[0]!);
    if (type === TRACK_TYPE.video) {
      const picture = fields.get(ID.video)?.[0];
      const pictureBody = picture ? body.subarray(picture.start, picture.end) : new Uint8Array(0);
      const pictureFields = children(pictureBody);
      video.push({
        trackNumber: unsigned(body, fields.get(ID.trackNumber)?.[0]) ?? 0,
        frameNanoseconds: unsigned(body, fields.get(ID.defaultDuration)?.[0]),
        width: unsigned(pictureBody, pictureFields.get(ID.pixelWidth)?.[0]) ?? 0,
        height: unsigned(pictureBody, pictureFields.get(ID.pixelHeight)?.[0]) ?? 0,
        bitrate: null,
        codec,
      });
    }
    if (type === TRACK_TYPE.audio) {
      const sound = fields.get(ID.audio)?.[0];
      const soundBody = sound ? body.subarray(sound.start, sound.end) : new Uint8Array(0);
      const soundFields = children(soundBody);
      // Matroska's defaults: 8000 Hz, one channel.
      const sampleRate = float(soundBody, soundFields.get(ID.samplingFrequency)?.[0]) ?? 8000;
      audio.push({ bitrate: null, codec, sampleRate: wholeHertz(sampleRate), channels: unsigned(soundBody, soundFields.get(ID.channels)?.[0]) ?? 1 });
    }
  }
  return { video, audio };
}
