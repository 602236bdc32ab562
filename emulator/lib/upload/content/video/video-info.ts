/** One video stream of a file, as `content_info.video.video[]` describes it. */
export interface VideoStreamInfo {
  readonly width: number;
  readonly height: number;
  /** Frames per second; 0 when the container does not tell it without decoding. */
  readonly frameRate: number;
  /** Kilobits per second; null when the container does not tell the stream's size. */
  readonly bitrate: number | null;
  /** The codec as the real service names it (`h264`, `hevc`, `vp9`...); null for one this reader does not know. */
  readonly codec: string | null;
}

/** One audio stream of a file, as `content_info.video.audio[]` describes it. */
export interface AudioStreamInfo {
  readonly bitrate: number | null;
  readonly codec: string | null;
  /** Samples per second. */
  readonly sampleRate: number | null;
  readonly channels: number | null;
}

/** What a video container's headers tell: the REST API's `videoInfo` schema. */
export interface VideoInfo {
  /** `mp4`, `mov`, `webm`, `matroska`. */
  readonly format: string;
  /** Milliseconds; null when the container does not say. */
  readonly duration: number | null;
  /** The whole file's kilobits per second (its size over its duration); null without a duration. */
  readonly bitrate: number | null;
  readonly video: readonly VideoStreamInfo[];
  readonly audio: readonly AudioStreamInfo[];
}

/** `content_info.video` (and the Upload API's `video_info`) as the real service spells it. */
export interface VideoInfoJson {
  readonly duration: number | null;
  readonly format: string;
  readonly bitrate: number | null;
  readonly audio: readonly { bitrate: number | null; codec: string | null; sample_rate: number | null; channels: number | null }[];
  readonly video: readonly { height: number; width: number; frame_rate: number; bitrate: number | null; codec: string | null }[];
}

export function videoInfoJson(info: VideoInfo): VideoInfoJson {
  return {
    duration: info.duration,
    format: info.format,
    bitrate: info.bitrate,
    audio: info.audio.map((stream) => ({ bitrate: stream.bitrate, codec: stream.codec, sample_rate: stream.sampleRate, channels: stream.channels })),
    video: info.video.map((stream) => ({ height: stream.height, width: stream.width, frame_rate: stream.frameRate, bitrate: stream.bitrate, codec: stream.codec })),
  };
}

/**
 * Kilobits per second of `bytes` played over `seconds`, rounded (the real service's example: 14 479 722 bytes over
 * 200.044 s is 579); null without a duration.
 */
export function kilobitsPerSecond(bytes: number, seconds: number): number | null {
  return seconds > 0 && Number.isFinite(seconds) ? Math.round((bytes * 8) / seconds / 1000) : null;
}

/** Seconds as whole milliseconds; null for none (0) or a value no container means (negative, infinite). */
export function durationMilliseconds(seconds: number): number | null {
  return seconds > 0 && Number.isFinite(seconds) ? Math.round(seconds * 1000) : null;
}

/** A sampling frequency as whole hertz; null for one no stream has. */
export function wholeHertz(frequency: number): number | null {
  return frequency > 0 && Number.isFinite(frequency) ? Math.round(frequency) : null;
}

/** Frames per second to two decimals (30000/1001 gives 29.97). */
export function roundFrameRate(framesPerSecond: number): number {
  return Number.isFinite(framesPerSecond) && framesPerSecond > 0 ? Math.round(framesPerSecond * 100) / 100 : 0;
}
