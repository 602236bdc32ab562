import type { ExifDetails } from '../upload/content/exif.js';
import type { VideoInfo } from '../upload/content/video/video-info.js';
/** A project the emulator serves: the keys clients use and the settings that change its answers. */
export interface ProjectConfig {
  readonly publicKey: string;
  readonly secretKey: string;
  readonly name: string;
  /** When true, Upload API calls must carry a valid `signature` + `expire`. */
  readonly requireSignedUploads: boolean;
  /** `UPLOADCARE_STORE=auto` stores files when this is true. */
  readonly autostore: boolean;
  /** Named custom storages that `files/remote_copy/` accepts as `target`. */
  readonly storages: readonly string[];
}

/** What the emulator keeps about one uploaded file. */
export interface FileRecord {
  readonly uuid: string;
  readonly projectKey: string;
  readonly filename: string;
  readonly size: number;
  readonly mimeType: string;
  /** Key of the file's bytes in the blob store. */
  readonly blobId: string;
  readonly datetimeUploaded: Date;
  readonly datetimeStored: Date | null;
  readonly datetimeRemoved: Date | null;
  readonly metadata: Readonly<Record<string, string>>;
  /** File tags, normalized, in storage order (lib/tags/tag-rules.ts). */
  readonly tags: readonly string[];
  readonly appdata: Readonly<Record<string, unknown>> | null;
  /** Where the bytes came from: null for direct uploads, the URL for from_url, `<uuid>/-/<effects>` for copies. */
  readonly source: string | null;
  readonly imageInfo: ImageInfo | null;
  /** What an MP4/QuickTime/WebM/Matroska container tells; null or absent (records kept before it was read) otherwise. */
  readonly videoInfo?: VideoInfo | null;
}

export interface ImageInfo extends ExifDetails {
  readonly width: number;
  readonly height: number;
  readonly format: string;
  /** `RGB`, `RGBA`, `L`, `LA`, `P`, `CMYK`... as read from the header; absent when unknown. */
  readonly colorMode?: string;
  /** True for animations (several frames). */
  readonly sequence?: boolean;
}

/** One file of a group: a UUID and the effects the group was created with. */
export interface GroupMember {
  readonly uuid: string;
  readonly effects: string;
}

export interface GroupRecord {
  /** `<uuid>~<count>` */
  readonly id: string;
  readonly projectKey: string;
  readonly files: readonly GroupMember[];
  readonly datetimeCreated: Date;
  readonly datetimeStored: Date | null;
}

/** Events a webhook can subscribe to (the REST API's `webhook_event` enum). */
export const WEBHOOK_EVENTS = ['file.uploaded', 'file.infected', 'file.stored', 'file.deleted', 'file.info_updated'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** A project's subscription: `event` notifications POSTed to `targetUrl`, signed when `signingSecret` is set. */
export interface WebhookRecord {
  readonly id: number;
  readonly projectKey: string;
  readonly targetUrl: string;
  readonly event: WebhookEvent;
  readonly isActive: boolean;
  readonly signingSecret: string | null;
  readonly created: Date;
  readonly updated: Date;
}
