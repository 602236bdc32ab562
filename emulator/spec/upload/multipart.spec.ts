import { md5 } from 'js-md5';
import { testEnv } from '../../../spec/support/test-env.js';
import { PUBLIC_KEY, UUID_PATTERN, expectFileInfo, patternBytes, postForm } from './upload-api-helpers.js';

const MiB = 1024 * 1024;

async function start(size: number, extra: Record<string, string> = {}): Promise<{ uuid: string; parts: string[] }> {
  const answer = await postForm('/multipart/start/?jsonerrors=1', {
    UPLOADCARE_PUB_KEY: PUBLIC_KEY,
    filename: 'large.bin',
    size: String(size),
    content_type: 'application/octet-stream',
    ...extra,
  });
  expect(answer.status).toBe(200);
  return answer.json as unknown as { uuid: string; parts: string[] };
}

function put(url: string, bytes: Uint8Array<ArrayBuffer>): Promise<Response> {
  return fetch(url, { method: 'PUT', body: new Blob([bytes]), headers: { 'Content-Type': 'application/octet-stream' } });
}

describe('emulator multipart upload', () => {
  const size = 11 * MiB + 123;
  let bytes: Uint8Array<ArrayBuffer>;

  beforeAll(() => {
    bytes = patternBytes(size, 7);
  });

  it('starts with a UUID and presigned-looking part URLs of 5 MiB on its own origin', async () => {
    const started = await start(size);
    expect(Object.keys(started).sort()).toEqual(['parts', 'uuid']);
    expect(started.uuid).toMatch(UUID_PATTERN);
    expect(started.parts.length).toBe(3);
    for (const part of started.parts) {
      expect(part.startsWith(`${testEnv().emulatorUrl}/`)).toBeTrue();
      expect(new URL(part).searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('takes the parts, completes, and answers the file info; the CDN gives the same bytes back', async () => {
    const started = await start(size, { 'metadata[kind]': 'large', UPLOADCARE_STORE: '0' });
    const offsets = [0, 5 * MiB, 10 * MiB, size];
    // Parts may arrive in any order.
    const answers = await Promise.all([2, 0, 1].map((i) => put(started.parts[i]!, bytes.subarray(offsets[i], offsets[i + 1]))));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers[1]!.headers.get('ETag')).toBe(`"${md5(bytes.subarray(0, 5 * MiB))}"`);

    const completed = await postForm('/multipart/complete/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, uuid: started.uuid });
    expect(completed.status).toBe(200);
    expectFileInfo(completed.json, { uuid: started.uuid, size, filename: 'large.bin', mimeType: 'application/octet-stream', stored: false, metadata: { kind: 'large' } });

    const read = await fetch(`${testEnv().emulatorUrl}/${started.uuid}/`);
    expect(read.status).toBe(200);
    expect(md5(new Uint8Array(await read.arrayBuffer()))).toBe(md5(bytes));

    const again = await postForm('/multipart/complete/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, uuid: started.uuid });
    expect((again.json['error'] as { error_code: string }).error_code).toBe('MultipartFileAlreadyUploadedError');
  });

  it('refuses a part of the wrong size and completes only once every part is in', async () => {
    const started = await start(size);
    const short = await put(started.parts[0]!, bytes.subarray(0, 5 * MiB - 1));
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('<Code>EntityTooSmall</Code>');
    const long = await put(started.parts[2]!, bytes.subarray(10 * MiB - 1, size));
    expect(long.status).toBe(400);
    expect(await long.text()).toContain('<Code>EntityTooLarge</Code>');
    expect((await put(started.parts[1]!, bytes.subarray(5 * MiB, 10 * MiB))).status).toBe(200);

    const incomplete = await postForm('/multipart/complete/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, uuid: started.uuid });
    expect(incomplete.status).toBe(200);
    expect(incomplete.json).toEqual({
      error: { status_code: 400, content: 'File size mismatch. Not all parts uploaded?', error_code: 'MultipartUploadSizeTooSmallError' },
    });
  });

  it('refuses a tampered part URL and an unknown upload', async () => {
    const started = await start(size);
    const tampered = new URL(started.parts[0]!);
    tampered.searchParams.set('X-Amz-Signature', '0'.repeat(64));
    expect((await put(tampered.href, bytes.subarray(0, 5 * MiB))).status).toBe(403);
    const unknown = await postForm('/multipart/complete/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, uuid: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(200);
    expect(unknown.json['error']).toEqual(jasmine.objectContaining({ status_code: 404, error_code: 'MultipartFileNotFoundError' }));
  });

  it('answers the real errors for sizes out of bounds', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ size: String(10 * MiB - 1) }, 'MultipartFileSizeTooSmallError', 'File size can not be less than 10485760 bytes. Please use direct upload instead of multipart.'],
      [{ size: 'big' }, 'MultipartSizeInvalidError', 'size should be integer.'],
      [{ size: String(size), part_size: String(MiB) }, 'MultipartPartSizeTooSmallError', 'Multipart Upload Part Size can not be less than 5242880 bytes.'],
      [{ size: String(size), part_size: 'x' }, 'MultipartPartSizeInvalidError', 'Multipart Upload Part Size should be an integer.'],
    ];
    for (const [fields, code, content] of cases) {
      const answer = await postForm('/multipart/start/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, filename: 'f.bin', ...fields });
      expect(answer.json).withContext(code).toEqual({ error: { status_code: 400, content, error_code: code } });
    }
  });
});
