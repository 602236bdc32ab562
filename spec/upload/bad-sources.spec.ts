import { lastValueFrom } from 'rxjs';
import { InvalidParamError } from '../../lib/errors.js';
import { fromBytes, type UploadInput } from '../../lib/upload/source.js';
import { uploadFromUrl } from '../../lib/upload/from-url.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { uploadGroup } from '../../lib/upload/upload-group.js';
import { testEnv } from '../support/test-env.js';
import { emulatorClient, lastRequestId, patternBytes, requestsSince } from './support/emulator-control.js';

describe('bad upload input', () => {
  const base = () => testEnv().emulatorUrl;

  async function expectRejectedBeforeAnyRequest(attempt: () => Promise<unknown>, message: RegExp): Promise<void> {
    const since = await lastRequestId(base());
    const error = await attempt().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(InvalidParamError);
    expect((error as Error).message).toMatch(message);
    expect(await requestsSince(base(), since)).toEqual([]);
  }

  it('refuses metadata that is not an object of valid keys to strings', async () => {
    const client = emulatorClient(base());
    const bytes = new Uint8Array([1, 2, 3]);
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(bytes, { metadata: 'abc' as never }, client)), /metadata must be an object/);
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(bytes, { metadata: ['a'] as never }, client)), /metadata must be an object/);
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(bytes, { metadata: { 'bad key': 'v' } }, client)), /Invalid metadata key/);
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(bytes, { metadata: { k: '' } }, client)), /Invalid metadata value/);
  });

  it('refuses empty input', async () => {
    const client = emulatorClient(base());
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(new Uint8Array(0), {}, client)), /empty/);
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(new Blob([]), {}, client)), /empty/);
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(fromBytes(new ArrayBuffer(0)), {}, client)), /empty/);
  });

  it('refuses a stream of unknown size', async () => {
    const client = emulatorClient(base());
    const webStream = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(webStream as unknown as UploadInput, {}, client)), /unknown size/);
    const nodeLike = { pipe: () => undefined, on: () => undefined };
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(nodeLike as unknown as UploadInput, {}, client)), /unknown size/);
  });

  it('refuses what is not a source at all', async () => {
    const client = emulatorClient(base());
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFile('a string' as unknown as UploadInput, {}, client)), /Unsupported/);
  });

  it('refuses URLs that are not absolute http(s)', async () => {
    const client = emulatorClient(base());
    for (const url of ['ftp://example.com/a.png', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', '/relative/path']) {
      await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFromUrl(url, {}, client)), /URL|http/);
    }
  });

  it('refuses an empty group and a group with a bad member, uploading none of them', async () => {
    const client = emulatorClient(base());
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadGroup([], {}, client)), /empty/);
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadGroup([patternBytes(10), new Uint8Array(0)], {}, client)), /empty/);
  });

  it('refuses signed: true without a secret key', async () => {
    const client = emulatorClient(base(), { secretKey: null });
    await expectRejectedBeforeAnyRequest(() => lastValueFrom(uploadFile(patternBytes(10), { signed: true }, client)), /secret/);
  });
});
