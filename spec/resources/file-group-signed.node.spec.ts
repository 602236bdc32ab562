import { firstValueFrom, lastValueFrom } from 'rxjs';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { InvalidParamError } from '../../lib/errors.js';
import type { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { emulatorClient, lastRequestId, patternBytes, requestsSince } from '../upload/support/emulator-control.js';
import { backendSign, uploadcareFailure } from '../upload/support/signing.js';

describe('FileGroup.create on a project that requires signed uploads', () => {
  let emulator: RunningEmulator;
  let files: File[];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, projects: [{ requireSignedUploads: true }] });
    const client = emulatorClient(emulator.url);
    files = [];
    for (const seed of [1, 2]) files.push(await lastValueFrom(uploadFile(patternBytes(16, seed), { signed: true }, client).pipe(toFile())));
  });
  afterAll(async () => {
    await emulator.close();
  });


  async function members(group: FileGroup): Promise<string[]> {
    const info = await lastValueFrom(group.info());
    return (info.files ?? []).map((file) => file?.uuid ?? 'removed');
  }

  it('unsigned (the short form with a client) is refused by the service', async () => {
    const error = await uploadcareFailure(firstValueFrom(FileGroup.create(files, emulatorClient(emulator.url))));
    expect(error.code).toBe('SignatureRequiredError');
  });

  it('signed: true signs group/ with the client\'s secret', async () => {
    const client = emulatorClient(emulator.url);
    const group = await firstValueFrom(FileGroup.create(files, { signed: true }, client));
    expect(group.length).toBe(2);
    expect(group.client).toBe(client);
    expect(await members(group)).toEqual(files.map((file) => file.uuid));
  });

  it('a resolver (a browser asking its backend) is asked once per create; the client needs no secret', async () => {
    const client = emulatorClient(emulator.url, { secretKey: null });
    let asked = 0;
    const resolver = async () => {
      asked++;
      return backendSign(Math.floor(Date.now() / 1000) + 60);
    };
    const group = await firstValueFrom(FileGroup.create([files[1]!, files[0]!], { signed: resolver }, client));
    expect(asked).toBe(1);
    expect(group.length).toBe(2);
  });

  it('a precomputed signature is sent as is; an expired one is refused by the service', async () => {
    const client = emulatorClient(emulator.url, { secretKey: null });
    const valid = await firstValueFrom(FileGroup.create(files, { signed: backendSign(Math.floor(Date.now() / 1000) + 60) }, client));
    expect(valid.length).toBe(2);
    const error = await uploadcareFailure(firstValueFrom(FileGroup.create(files, { signed: backendSign(Math.floor(Date.now() / 1000) - 60) }, client)));
    expect(error.code).toBe('SignatureExpirationError');
  });

  it('signed: true without a secret, or a malformed signature, is an InvalidParamError before any request', async () => {
    const client = emulatorClient(emulator.url, { secretKey: null });
    const since = await lastRequestId(emulator.url);
    await expectAsync(firstValueFrom(FileGroup.create(files, { signed: true }, client))).toBeRejectedWithError(InvalidParamError);
    await expectAsync(firstValueFrom(FileGroup.create(files, { signed: { expire: 1.5, signature: '' } }, client))).toBeRejectedWithError(InvalidParamError);
    expect(await requestsSince(emulator.url, since)).toEqual([]);
  });
});
