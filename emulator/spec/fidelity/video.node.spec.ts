import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileInfo } from '@uploadcare/rest-client';
import { UploadClient, fromUrl, fromUrlStatus, type FileInfo } from '@uploadcare/upload-client';
import { startEmulator } from '../../lib/server.js';
import { useEmulatorForOfficialClients } from '../rest/support/official-settings.js';
import { rest } from '../rest/support/signed-fetch.js';
import { PUBLIC_KEY, getJson, postForm } from '../upload/upload-api-helpers.js';
import { MP4_FACTS, WEBM_FACTS, mp4, webm } from './support/video-bytes.js';

/** What the Upload API (`/info/`) and the REST API (`GET /files/{uuid}/`) say of one upload. */
interface Described {
  readonly uploadStatus: number;
  readonly info: Record<string, unknown>;
  readonly restStatus: number;
  readonly file: { mime_type: string; is_image: boolean; content_info: { mime: { mime: string }; video?: unknown } };
}

/**
 * `content_info.video` read from the container's headers, in the shape of the REST API's `videoInfo` schema and of
 * its `file_video` example (`{"format": "mp4", "duration": 200044, "bitrate": 579, "video": [{"codec": "h264",
 * "width": 640, "height": 480, "bitrate": 433, "frame_rate": 30}], "audio": [{"codec": "aac", "bitrate": 129,
 * "channels": 2, "sample_rate": 44100}]}`: durations in milliseconds, bitrates in kilobits per second).
 */
describe('emulator fidelity: video details', () => {
  const env = useEmulatorForOfficialClients();

  async function describeUpload(bytes: Uint8Array<ArrayBuffer>, filename: string, type = 'application/octet-stream'): Promise<Described> {
    const emulator = env.emulator;
    const uploaded = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes, filename, type } }, emulator.url);
    const uuid = uploaded.json['file'] as string;
    const info = await getJson('/info/', { pub_key: PUBLIC_KEY, file_id: uuid }, emulator.url);
    const file = await rest(emulator.url, { path: `/files/${uuid}/` });
    return { uploadStatus: uploaded.status, info: info.json, restStatus: file.status, file: file.body as Described['file'] };
  }

  const mp4Video = {
    format: 'mp4',
    duration: MP4_FACTS.durationMs,
    bitrate: 600, // 225 000 bytes over 3 s
    video: [{ codec: 'h264', width: MP4_FACTS.width, height: MP4_FACTS.height, frame_rate: MP4_FACTS.frameRate, bitrate: MP4_FACTS.videoKbps }],
    audio: [{ codec: 'aac', sample_rate: MP4_FACTS.sampleRate, channels: MP4_FACTS.channels, bitrate: MP4_FACTS.audioKbps }],
  };

  it('reads an MP4: duration, bitrate, format and each stream, on REST and the Upload API alike', async () => {
    const described = await describeUpload(mp4({ size: 225_000 }), 'clip.mp4');
    expect(described.file.mime_type).toBe('video/mp4');
    expect(described.file.is_image).toBeFalse();
    expect(described.file.content_info.video).toEqual(mp4Video);
    expect(described.info['video_info']).toEqual(mp4Video);
    expect((described.info['content_info'] as { video: unknown }).video).toEqual(mp4Video);
  });

  it('gives the official clients the video details: the upload client its videoInfo, the REST client contentInfo.video', async () => {
    const uploader = new UploadClient({ publicKey: PUBLIC_KEY, baseURL: env.emulator.url, baseCDN: env.emulator.url });
    const uploaded = await uploader.uploadFile(Buffer.from(mp4({ size: 225_000 })), { fileName: 'clip.mp4', contentType: 'video/mp4' });
    const camelCased = {
      format: 'mp4',
      duration: MP4_FACTS.durationMs,
      bitrate: 600,
      video: [{ codec: 'h264', width: MP4_FACTS.width, height: MP4_FACTS.height, frameRate: MP4_FACTS.frameRate, bitrate: MP4_FACTS.videoKbps }],
      audio: [{ codec: 'aac', sampleRate: MP4_FACTS.sampleRate, channels: MP4_FACTS.channels, bitrate: MP4_FACTS.audioKbps }],
    };
    expect(uploaded.videoInfo as unknown).toEqual(camelCased);
    expect(uploaded.contentInfo?.video as unknown).toEqual(camelCased);
    const info = await fileInfo({ uuid: uploaded.uuid }, env.settings);
    expect(info.contentInfo?.video as unknown).toEqual(camelCased);
  });

  it('reads a multipart upload (its moov at the end of the last part) and a from_url upload alike', async () => {
    const MiB = 1024 * 1024;
    const uploader = new UploadClient({ publicKey: PUBLIC_KEY, baseURL: env.emulator.url, baseCDN: env.emulator.url, multipartMinFileSize: 10 * MiB });
    const large = await uploader.uploadFile(Buffer.from(mp4({ size: 12 * MiB, moovLast: true })), { fileName: 'long.mp4', contentType: 'video/mp4' });
    expect(large.videoInfo as unknown).toEqual(jasmine.objectContaining({ format: 'mp4', duration: MP4_FACTS.durationMs, bitrate: Math.round((12 * MiB * 8) / 3000) }));

    const source = await describeUpload(webm({ size: 50_000 }), 'source.webm');
    const options = { publicKey: PUBLIC_KEY, baseURL: env.emulator.url };
    const started = (await fromUrl(`${env.emulator.url}/${source.info['uuid'] as string}/`, options)) as { token: string };
    let status = await fromUrlStatus(started.token, options);
    for (let i = 0; i < 500 && (status.status === 'waiting' || status.status === 'progress'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = await fromUrlStatus(started.token, options);
    }
    expect(status.status).toBe('success');
    expect((status as FileInfo).videoInfo as unknown).toEqual(jasmine.objectContaining({ format: 'webm', duration: WEBM_FACTS.durationMs }));
  });

  it("reads an MP4 whose moov follows half a megabyte and more of media data", async () => {
    const described = await describeUpload(mp4({ size: 750_000, moovLast: true }), 'camera.mp4');
    expect(described.file.content_info.video).toEqual({ ...mp4Video, bitrate: 2000 });
  });

  it('reads a QuickTime movie as mov, video/quicktime', async () => {
    const described = await describeUpload(mp4({ size: 30_000, brand: 'qt  ' }), 'clip.mov');
    expect(described.file.mime_type).toBe('video/quicktime');
    expect(described.file.content_info.video).toEqual(jasmine.objectContaining({ format: 'mov', duration: MP4_FACTS.durationMs, bitrate: 80 }));
  });

  it('keeps the declared type of a video and still reads it', async () => {
    const described = await describeUpload(mp4({ size: 30_000 }), 'clip.bin', 'video/x-m4v');
    expect(described.file.mime_type).toBe('video/x-m4v');
    expect(described.file.content_info.video).toEqual(jasmine.objectContaining({ format: 'mp4' }));
  });

  it('reads a WebM: duration, bitrate, picture size, frame rate, sampling frequency, channels', async () => {
    const described = await describeUpload(webm({ size: 100_000 }), 'clip.webm');
    expect(described.file.mime_type).toBe('video/webm');
    const expected = {
      format: 'webm',
      duration: WEBM_FACTS.durationMs,
      bitrate: 320, // 100 000 bytes over 2.5 s
      video: [{ codec: 'vp9', width: WEBM_FACTS.width, height: WEBM_FACTS.height, frame_rate: WEBM_FACTS.frameRate, bitrate: null }],
      audio: [{ codec: 'opus', sample_rate: WEBM_FACTS.sampleRate, channels: WEBM_FACTS.channels, bitrate: null }],
    };
    expect(described.file.content_info.video).toEqual(expected);
    expect(described.info['video_info']).toEqual(expected);
  });

  it('reads a Matroska file and names its codecs as the service does', async () => {
    const described = await describeUpload(webm({ size: 10_000, docType: 'matroska', videoCodec: 'V_MPEG4/ISO/AVC', audioCodec: 'A_AAC/MPEG4/LC' }), 'clip.mkv');
    expect(described.file.mime_type).toBe('video/x-matroska');
    expect(described.file.content_info.video).toEqual(
      jasmine.objectContaining({ format: 'matroska', video: [jasmine.objectContaining({ codec: 'h264' })], audio: [jasmine.objectContaining({ codec: 'aac' })] }),
    );
  });

  it('reads a browser recording (no duration, no frame duration, a segment of unknown size): its frame rate from its blocks', async () => {
    const described = await describeUpload(webm({ size: 5_000, live: true }), 'recording.webm');
    expect(described.file.content_info.video).toEqual(
      jasmine.objectContaining({ format: 'webm', duration: null, bitrate: null, video: [jasmine.objectContaining({ width: WEBM_FACTS.width, frame_rate: WEBM_FACTS.frameRate })] }),
    );
  });

  it('gives no video details for an MP4 without a video track, or for a file that is no video', async () => {
    const audioOnly = await describeUpload(mp4({ size: 20_000, withVideo: false }), 'song.m4a');
    expect(audioOnly.file.content_info.video).toBeUndefined();
    expect(audioOnly.info['video_info']).toBeNull();
    const text = await describeUpload(new TextEncoder().encode('not a video at all'), 'notes.txt', 'text/plain');
    expect(text.file.content_info.video).toBeUndefined();
  });

  it('answers for cut, corrupted and lying containers with no video details, never an error', async () => {
    const whole = [mp4({ size: 8_000 }), webm({ size: 4_000 })];
    const damaged: Uint8Array<ArrayBuffer>[] = [];
    for (const bytes of whole) {
      for (const cut of [6, 12, 40, 100, 300, 600, 900]) damaged.push(bytes.slice(0, cut));
      for (const at of [3, 11, 30, 60, 120, 200, 400, 700]) {
        const flipped = bytes.slice();
        flipped[at] = flipped[at]! ^ 0xff;
        damaged.push(flipped);
      }
    }
    // Sizes that point past the end, a 64-bit size, an element of 2^56 bytes.
    damaged.push(new Uint8Array([0, 0, 0, 24, ...'ftypisom'.split('').map((c) => c.charCodeAt(0)), 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x6d, 0x6f, 0x6f, 0x76]));
    damaged.push(new Uint8Array([0, 0, 0, 1, 0x6d, 0x6f, 0x6f, 0x76, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0]));
    damaged.push(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0x42, 0x82]));
    for (const bytes of damaged) {
      const described = await describeUpload(bytes, 'damaged.mp4');
      expect([described.uploadStatus, described.restStatus]).withContext(`${bytes.length} bytes`).toEqual([200, 200]);
      const video = described.file.content_info.video;
      if (video !== undefined) expect(video).toEqual(jasmine.objectContaining({ video: jasmine.any(Array), audio: jasmine.any(Array) }));
    }
    const cutMoov = await describeUpload(mp4({ size: 8_000 }).slice(0, 300), 'cut.mp4');
    expect(cutMoov.file.content_info.video).toBeUndefined();
  });
});

describe('emulator fidelity: video details kept on disk', () => {
  it('reads the moov of a file in a data directory and keeps the details across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rxuc-video-'));
    try {
      const first = await startEmulator({ port: 0, dataDir: dir });
      const uploaded = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: mp4({ size: 600_000, moovLast: true }), filename: 'kept.mp4' } }, first.url);
      await first.close();
      const second = await startEmulator({ port: 0, dataDir: dir });
      try {
        const file = await rest(second.url, { path: `/files/${uploaded.json['file'] as string}/` });
        expect((file.body as { content_info: { video: unknown } }).content_info.video).toEqual(jasmine.objectContaining({ format: 'mp4', duration: MP4_FACTS.durationMs, bitrate: 1600 }));
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
