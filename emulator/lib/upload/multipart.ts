import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from '../context.js';
import { BlobStoreFullError, type BlobRef } from '../state/blob-store.js';
import { UploadApiError } from './errors.js';
import { uploadFileInfoJson } from './file-info.js';
import { readForm } from './form.js';
import { uploadMetadata } from './metadata.js';
import { uploadTags } from './tags.js';
import { MULTIPART_LIMITS, type MultipartSessions } from './multipart-sessions.js';
import { addUploadedFile } from './new-file.js';
import type { RequestParams } from './params.js';
import { checkUploadSignature, requireProject } from './project-auth.js';
import { uploadRoute } from './upload-route.js';
import { isUuid } from './uuid.js';

/** `POST /multipart/start/`, the part `PUT`s to the URLs it hands out, and `POST /multipart/complete/`. */
export function registerMultipartRoutes({ router, store, origin, limits }: EmulatorContext, sessions: MultipartSessions): void {
  router.add(
    'POST',
    '/multipart/start/',
    uploadRoute(async ({ req }, params) => {
      await readForm(req, params, limits);
      const project = requireProject(store, params, 'UPLOADCARE_PUB_KEY');
      checkUploadSignature(project, params);
      const filename = params.get('filename');
      if (!filename) throw new UploadApiError('RequestParamRequiredError', 'filename');
      const size = readInteger(params, 'size', 'MultipartSizeInvalidError');
      if (size < MULTIPART_LIMITS.minFileSize) throw new UploadApiError('MultipartFileSizeTooSmallError', MULTIPART_LIMITS.minFileSize);
      if (size > limits.maxFileSize) throw new UploadApiError('FileSizeLimitExceededError');
      // Parts (and the URLs answered) are bounded by the part count limit, never by the size the client declared.
      const minPartSize = Math.max(MULTIPART_LIMITS.minPartSize, Math.ceil(size / limits.multipartParts));
      const partSize =
        params.get('part_size') === undefined
          ? Math.max(MULTIPART_LIMITS.defaultPartSize, minPartSize)
          : readInteger(params, 'part_size', 'MultipartPartSizeInvalidError');
      if (partSize > MULTIPART_LIMITS.maxPartSize) throw new UploadApiError('MultipartPartSizeTooBigError', MULTIPART_LIMITS.maxPartSize);
      if (partSize < minPartSize) throw new UploadApiError('MultipartPartSizeTooSmallError', minPartSize);
      const session = sessions.start({
        uuid: store.newUuid(),
        project,
        filename,
        size,
        partSize,
        contentType: params.get('content_type'),
        store: params.get('UPLOADCARE_STORE'),
        metadata: uploadMetadata(params),
        tags: uploadTags(params),
      });
      const uuid = session.plan.uuid;
      return { uuid, parts: Array.from({ length: session.partCount }, (_, i) => sessions.partUrl(origin(req), uuid, i)) };
    }),
  );

  router.add('PUT', '/multipart/part/:uuid/:number/', async ({ req, res, url, params: path }) => {
    const session = sessions.get(path['uuid'] ?? '');
    const index = Number(path['number']) - 1;
    if (!session || session.isClosed || !Number.isInteger(index) || index < 0 || index >= session.partCount) {
      return s3Error(req, res, 404, 'NoSuchUpload', 'The specified upload does not exist.');
    }
    if (!sessions.verifyPartSignature(session.plan.uuid, index, url.searchParams.get('X-Amz-Signature'))) {
      return s3Error(req, res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
    const expected = session.expectedPartSize(index);
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) !== expected) {
      return partSizeError(req, res, Number(declared), expected);
    }
    const received = { bytes: 0, md5: createHash('md5') };
    let blob: BlobRef;
    try {
      blob = await store.blobs.write(uptoExpected(req, expected, received));
    } catch (error) {
      if (error instanceof BlobStoreFullError) return s3Error(req, res, 400, 'EntityTooLarge', error.message);
      // A client that goes away mid-part leaves nothing (the blob store keeps no half blob) and needs no answer.
      if (!req.complete) return void res.destroy();
      throw error;
    }
    if (received.bytes !== expected || session.isClosed) {
      await store.blobs.delete(blob.id);
      if (session.isClosed) return s3Error(req, res, 404, 'NoSuchUpload', 'The specified upload does not exist.');
      return partSizeError(req, res, received.bytes, expected);
    }
    const replaced = session.putPart(index, blob);
    if (replaced) await store.blobs.delete(replaced.id);
    res.writeHead(200, { ETag: `"${received.md5.digest('hex')}"`, 'Content-Length': 0 }).end();
  });

  router.add(
    'POST',
    '/multipart/complete/',
    uploadRoute(async ({ req }, params) => {
      await readForm(req, params, limits);
      const project = requireProject(store, params, 'UPLOADCARE_PUB_KEY');
      const uuid = params.get('uuid');
      if (!uuid) throw new UploadApiError('MultipartFileIdRequiredError');
      if (!isUuid(uuid)) throw new UploadApiError('UUIDInvalidError');
      const session = sessions.get(uuid);
      if (!session || session.plan.project.publicKey !== project.publicKey) {
        if (store.file(project.publicKey, uuid)) throw new UploadApiError('MultipartFileAlreadyUploadedError');
        throw new UploadApiError('MultipartFileNotFoundError');
      }
      if (session.isClosed) throw new UploadApiError('MultipartFileAlreadyUploadedError');
      const parts = session.receivedParts();
      if (!parts) throw new UploadApiError('MultipartUploadSizeTooSmallError');
      const total = parts.reduce((sum, part) => sum + part.size, 0);
      if (total > session.plan.size) throw new UploadApiError('MultipartUploadSizeTooLargeError');
      if (total < session.plan.size) throw new UploadApiError('MultipartUploadSizeTooSmallError');
      session.close();
      const blob = await store.blobs.concat(parts.map((part) => part.id));
      await sessions.end(uuid);
      const { plan } = session;
      const file = await addUploadedFile(store, {
        uuid,
        project,
        blob,
        filename: plan.filename,
        contentType: plan.contentType,
        store: plan.store,
        metadata: plan.metadata,
        tags: plan.tags,
        source: null,
      });
      return uploadFileInfoJson(file);
    }),
  );
}

function readInteger(params: RequestParams, name: string, invalid: 'MultipartSizeInvalidError' | 'MultipartPartSizeInvalidError'): number {
  const text = params.get(name);
  if (text === undefined || text === '') throw new UploadApiError('RequestParamRequiredError', name);
  if (!/^\d+$/.test(text)) throw new UploadApiError(invalid);
  return Number(text);
}

/**
 * Passes a part's bytes on up to the expected size, counting and hashing them; bytes beyond it are read
 * and dropped (so the answer can still be sent), and the count tells the caller the part was too long.
 */
async function* uptoExpected(
  source: AsyncIterable<Uint8Array>,
  expected: number,
  received: { bytes: number; md5: ReturnType<typeof createHash> },
): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    const room = expected - received.bytes;
    received.bytes += chunk.length;
    if (room <= 0) continue;
    const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
    received.md5.update(kept);
    yield kept;
  }
}

function partSizeError(req: IncomingMessage, res: ServerResponse, got: number, expected: number): void {
  const [code, message] =
    got > expected
      ? ['EntityTooLarge', `Your proposed upload exceeds the expected part size of ${expected} bytes.`]
      : ['EntityTooSmall', `Your proposed upload is smaller than the expected part size of ${expected} bytes.`];
  s3Error(req, res, 400, code, message);
}

/** An S3-style XML error, as a presigned part URL answers; the rest of the request body is drained. */
function s3Error(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  res.writeHead(status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) }).end(body);
  req.resume();
}
