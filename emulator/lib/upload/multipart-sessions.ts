import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { BlobRef, BlobStore } from '../state/blob-store.js';
import type { ProjectConfig } from '../state/records.js';

/** The Upload API's multipart limits. */
export const MULTIPART_LIMITS = {
  minFileSize: 10 * 1024 * 1024,
  defaultPartSize: 5 * 1024 * 1024,
  minPartSize: 5 * 1024 * 1024,
  maxPartSize: 5 * 1024 * 1024 * 1024,
  /** Part URLs are valid this long; a session left unfinished longer is forgotten with its parts. */
  sessionLifetimeMs: 24 * 60 * 60 * 1000,
} as const;

/** What `/multipart/start/` was told; fixed for the life of the upload. */
export interface MultipartPlan {
  readonly uuid: string;
  readonly project: ProjectConfig;
  readonly filename: string;
  readonly size: number;
  readonly partSize: number;
  readonly contentType: string | undefined;
  readonly store: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
  readonly tags: readonly string[];
}

/** One multipart upload in flight: its plan and the parts received so far (kept by number: nothing is allocated per part announced). */
export class MultipartSession {
  readonly partCount: number;
  private readonly parts = new Map<number, BlobRef>();
  /** Set once `/multipart/complete/` took the session: late parts are then refused. */
  private closed = false;

  constructor(
    readonly plan: MultipartPlan,
    readonly startedAt: number,
  ) {
    this.partCount = Math.ceil(plan.size / plan.partSize);
  }

  /** Bytes part `index` (0-based) must have: the part size, the remainder for the last one. */
  expectedPartSize(index: number): number {
    return index < this.partCount - 1 ? this.plan.partSize : this.plan.size - this.plan.partSize * (this.partCount - 1);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Keeps a received part; returns the blob it replaces (a retried part), which the caller deletes. */
  putPart(index: number, blob: BlobRef): BlobRef | undefined {
    const previous = this.parts.get(index);
    this.parts.set(index, blob);
    return previous;
  }

  /** The parts in order, or null when some are still missing. */
  receivedParts(): BlobRef[] | null {
    if (this.parts.size < this.partCount) return null;
    return Array.from({ length: this.partCount }, (_, index) => this.parts.get(index)!);
  }

  /** Marks the session taken by a completion. */
  close(): void {
    this.closed = true;
  }

  /** Every part blob kept so far. */
  allParts(): BlobRef[] {
    return [...this.parts.values()];
  }
}

/** The emulator's multipart uploads in flight, and the keyed signatures of their part URLs. */
export class MultipartSessions {
  private readonly sessions = new Map<string, MultipartSession>();
  private readonly urlKey = randomBytes(32);

  constructor(private readonly blobs: BlobStore) {}

  /** Opens a session; sessions abandoned for longer than their lifetime are dropped first. */
  start(plan: MultipartPlan, now = Date.now()): MultipartSession {
    for (const [uuid, session] of this.sessions) {
      if (!session.isClosed && now - session.startedAt > MULTIPART_LIMITS.sessionLifetimeMs) void this.end(uuid);
    }
    const session = new MultipartSession(plan, now);
    this.sessions.set(plan.uuid, session);
    return session;
  }

  get(uuid: string): MultipartSession | undefined {
    return this.sessions.get(uuid);
  }

  /** Forgets a session, deleting the part blobs it still holds unless `keepParts`. */
  async end(uuid: string, keepParts = false): Promise<void> {
    const session = this.sessions.get(uuid);
    if (!session) return;
    this.sessions.delete(uuid);
    if (!keepParts) await Promise.all(session.allParts().map((part) => this.blobs.delete(part.id)));
  }

  /** The presigned-looking URL of part `index` (0-based), on `origin` (the one the client used). */
  partUrl(origin: string, uuid: string, index: number): string {
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Expires': '86400',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': this.sign(uuid, index),
    });
    return `${origin}/multipart/part/${uuid}/${index + 1}/?${query.toString()}`;
  }

  /** True when `signature` is the one {@link partUrl} issued for this part. */
  verifyPartSignature(uuid: string, index: number, signature: string | null): boolean {
    const expected = Buffer.from(this.sign(uuid, index));
    const given = Buffer.from(signature ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private sign(uuid: string, index: number): string {
    return createHmac('sha256', this.urlKey).update(`${uuid}/${index}`).digest('hex');
  }
}
