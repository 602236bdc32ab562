import { lastValueFrom } from 'rxjs';
import { startEmulator, type RunningEmulator } from 'rxuploadcare-emulator';
import { uploadFromUrlSync } from '../../lib/upload/from-url.js';
import { signUpload } from '../../lib/upload/signature.js';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { uploadGroup } from '../../lib/upload/upload-group.js';
import { emulatorClient, lastRequestId, patternBytes, requestsSince } from './support/emulator-control.js';
import { backendSign, uploadcareFailure } from './support/signing.js';

const MiB = 1024 * 1024;

describe('signed uploads (a project that requires them)', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, projects: [{ requireSignedUploads: true }] });
  });
  afterAll(async () => {
    await emulator.close();
  });


  it('signUpload is the hex HMAC-SHA256 of the expiry under the secret', async () => {
    expect(await lastValueFrom(signUpload('demosecretkey', 1_900_000_000))).toEqual(backendSign(1_900_000_000));
  });

  it('an unsigned upload is refused by the service', async () => {
    const client = emulatorClient(emulator.url);
    const error = await uploadcareFailure(lastValueFrom(uploadFile(patternBytes(10), {}, client)));
    expect(error.code).toBe('SignatureRequiredError');
  });

  it('signed: true signs direct, multipart, from-URL and group uploads with the client\'s secret', async () => {
    const client = emulatorClient(emulator.url);
    const since = await lastRequestId(emulator.url);
    const small = await lastValueFrom(uploadFile(patternBytes(10), { signed: true }, client).pipe(toFile()));
    await lastValueFrom(uploadFile(patternBytes(10 * MiB), { signed: true }, client).pipe(toFile()));
    await lastValueFrom(uploadFromUrlSync(`${emulator.url}/${small.uuid}/`, { signed: true, interval: 0.02 }, client));
    await lastValueFrom(uploadGroup([patternBytes(5), patternBytes(6)], { signed: true }, client));
    const refused = (await requestsSince(emulator.url, since)).filter((request) => (request.status ?? 0) >= 400);
    expect(refused).toEqual([]);
  });

  it('a resolver (a browser asking its backend) provides the signature; the secret never leaves the backend', async () => {
    const client = emulatorClient(emulator.url, { secretKey: null });
    let asked = 0;
    const resolver = async () => {
      asked++;
      return backendSign(Math.floor(Date.now() / 1000) + 60);
    };
    const file = await lastValueFrom(uploadFile(patternBytes(10), { signed: resolver }, client).pipe(toFile()));
    expect(file.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(asked).toBe(1);
  });

  it('a precomputed signature is sent as is; an expired one is refused by the service', async () => {
    const client = emulatorClient(emulator.url, { secretKey: null });
    const valid = backendSign(Math.floor(Date.now() / 1000) + 60);
    await lastValueFrom(uploadFile(patternBytes(10), { signed: valid }, client).pipe(toFile()));
    const expired = backendSign(Math.floor(Date.now() / 1000) - 60);
    const error = await uploadcareFailure(lastValueFrom(uploadFile(patternBytes(10), { signed: expired }, client)));
    expect(error.code).toBe('SignatureExpirationError');
  });
});
