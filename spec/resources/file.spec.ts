import { firstValueFrom, forkJoin, lastValueFrom, toArray } from 'rxjs';
import { ImageTransformation } from '../../lib/cdn/transformations/image-transformation.js';
import { InvalidParamError, InvalidRequestError, UploadcareException } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import type { FileInfo } from '../../lib/resources/file-info.js';
import { countingClient, type CountingClient } from './support/clients.js';
import { PNG_1X1, uploadTestFile } from './support/uploads.js';

describe('File against the emulator', () => {
  let client: CountingClient;
  let uuid: string;

  beforeEach(async () => {
    client = countingClient();
    uuid = await uploadTestFile('twelve bytes', { filename: 'olympia.txt' });
  });

  it('sends nothing until subscribed', () => {
    const file = new File(uuid, client);
    file.info();
    file.store();
    file.delete();
    file.copy();
    file.metadata();
    expect(client.calls).toEqual([]);
  });

  it('info() makes one request, cached afterwards', async () => {
    const file = new File(uuid, client);
    const info = await firstValueFrom(file.info());
    expect(info.uuid).toBe(uuid);
    expect(info.original_filename).toBe('olympia.txt');
    await firstValueFrom(file.info());
    expect(client.calls.map((call) => `${call.method} ${call.path}`)).toEqual([`GET files/${uuid}/`]);
  });

  it('info() is shared by concurrent subscribers: one HTTP request', async () => {
    const file = new File(uuid, client);
    const [a, b, c] = await lastValueFrom(forkJoin([file.info(), file.info(), file.filename()]));
    expect(a).toBe(b);
    expect(c).toBe('olympia.txt');
    expect(client.calls.length).toBe(1);
  });

  it('info() does not cache a failure: the next subscriber asks again', async () => {
    const file = new File(uuid, client);
    client.failNext = 1;
    await expectAsync(firstValueFrom(file.info())).toBeRejectedWithError(UploadcareException, /Injected/);
    expect((await firstValueFrom(file.info())).uuid).toBe(uuid);
    expect(client.calls.length).toBe(2);
  });

  it('updateInfo() always requests and refreshes the cache', async () => {
    const file = new File(uuid, client);
    await firstValueFrom(file.info());
    await firstValueFrom(file.updateInfo());
    await firstValueFrom(file.updateInfo());
    expect(client.calls.length).toBe(3);
  });

  it('has getters over one cached info request', async () => {
    const file = new File(uuid, client);
    const values = await lastValueFrom(
      forkJoin({
        filename: file.filename(),
        size: file.size(),
        mimeType: file.mimeType(),
        isImage: file.isImage(),
        isReady: file.isReady(),
        isStored: file.isStored(),
        isRemoved: file.isRemoved(),
        uploaded: file.datetimeUploaded(),
        stored: file.datetimeStored(),
        removed: file.datetimeRemoved(),
      }),
    );
    expect(values).toEqual({
      filename: 'olympia.txt',
      size: 12,
      mimeType: 'text/plain',
      isImage: false,
      isReady: true,
      isStored: false,
      isRemoved: false,
      uploaded: jasmine.any(Date) as unknown as Date,
      stored: null,
      removed: null,
    });
    expect(Math.abs((values.uploaded?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(client.calls.length).toBe(1);
  });

  it('store() stores and updates the cache; delete() removes and updates the cache', async () => {
    const file = new File(uuid, client);
    const stored = await firstValueFrom(file.store());
    expect(stored.datetime_stored).not.toBeNull();
    expect(await firstValueFrom(file.isStored())).toBeTrue();
    expect(await firstValueFrom(file.datetimeStored())).toEqual(jasmine.any(Date));
    await firstValueFrom(file.delete());
    expect(await firstValueFrom(file.isRemoved())).toBeTrue();
    expect(await firstValueFrom(file.datetimeRemoved())).toEqual(jasmine.any(Date));
    expect(client.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      `PUT files/${uuid}/storage/`,
      `DELETE files/${uuid}/storage/`,
    ]);
    const fresh = await firstValueFrom(new File(uuid, client).updateInfo());
    expect(fresh.datetime_removed).not.toBeNull();
  });

  it('reports an unknown file as an InvalidRequestError (404)', async () => {
    const file = new File('00000000-0000-0000-0000-000000000000', client);
    const error = await firstValueFrom(file.info()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).status).toBe(404);
  });

  it('constructFrom(info) primes the cache and takes default_effects', async () => {
    const info = await firstValueFrom(new File(uuid, client).info());
    const calls = client.calls.length;
    const file = File.constructFrom({ ...info, default_effects: 'resize/x800/' }, client);
    expect(file.uuid).toBe(uuid);
    expect(file.defaultEffects).toBe('resize/x800/');
    expect(await firstValueFrom(file.filename())).toBe('olympia.txt');
    expect(client.calls.length).toBe(calls);
    expect(() => File.constructFrom({ uuid: 'nope' } as unknown as FileInfo, client)).toThrowError(InvalidParamError);
    // A file reference is not an info's uuid: URLs, effects and upper case are refused too.
    for (const reference of [`https://ucarecdn.com/${uuid}/`, `${uuid}/-/flip/`, uuid.toUpperCase(), ` ${uuid}`]) {
      expect(() => File.constructFrom({ ...info, uuid: reference }, client)).withContext(reference).toThrowError(InvalidParamError, 'File info must be an object with a valid uuid');
    }
    expect(() => File.constructFrom(null as unknown as FileInfo, client)).toThrowError(InvalidParamError);
  });

  describe('copy', () => {
    let image: string;

    beforeEach(async () => {
      image = await uploadTestFile(PNG_1X1, { filename: 'pixel.png', type: 'image/png' });
    });

    it('makes a local copy with effects appended to defaultEffects (seed: copy)', async () => {
      const file = new File(image, client);
      file.defaultEffects = 'resize/3x3/';
      const copy = await firstValueFrom(file.copy({ effects: 'flip/', store: true }));
      expect(copy).toBeInstanceOf(File);
      expect(copy.uuid).not.toBe(image);
      const call = client.calls.find((c) => c.path === 'files/local_copy/');
      expect(call?.data).toEqual({ source: `${image}/-/resize/3x3/-/flip/`, store: 'true' });
      expect(await firstValueFrom(copy.isStored())).toBeTrue();
      expect((await firstValueFrom(copy.updateInfo())).uuid).toBe(copy.uuid);
    });

    it('makes a local copy with an ImageTransformation as effects, appended to a transformation as defaultEffects', async () => {
      const file = new File(image, client);
      file.defaultEffects = new ImageTransformation().resize(3, 3);
      await firstValueFrom(file.copy({ effects: new ImageTransformation().flip().grayscale() }));
      const call = client.calls.find((c) => c.path === 'files/local_copy/');
      expect(call?.data).toEqual({ source: `${image}/-/resize/3x3/-/flip/-/grayscale/` });
    });

    it('makes a local copy of the plain file without effects', async () => {
      const copy = await firstValueFrom(new File(image, client).copy());
      expect(client.calls.find((c) => c.path === 'files/local_copy/')?.data).toEqual({ source: `${image}/` });
      // Like Uploadcare, the emulator answers before the copy is processed: its size shows in a later info.
      expect((await firstValueFrom(copy.updateInfo())).size).toBe(PNG_1X1.byteLength);
    });

    it('makes a remote copy to a custom storage and emits its URL', async () => {
      const url = await firstValueFrom(new File(image, client).copy({ target: 'demo-storage', makePublic: false, pattern: '${uuid}' }));
      expect(url).toMatch(/^s3:\/\//);
      expect(client.calls.find((c) => c.path === 'files/remote_copy/')?.data).toEqual({
        source: `${image}/`,
        target: 'demo-storage',
        make_public: false,
        pattern: '${uuid}',
      });
    });

    it('reports an unknown storage as an InvalidRequestError', async () => {
      const error = await firstValueFrom(new File(image, client).copy({ target: 'no-such-storage' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
    });

    it('checks effects and target before any request', async () => {
      const file = new File(image, client);
      await expectAsync(firstValueFrom(file.copy({ effects: 'bad effect/' }))).toBeRejectedWithError(InvalidParamError);
      await expectAsync(firstValueFrom(file.copy({ target: '' }))).toBeRejectedWithError(InvalidParamError);
      expect(client.calls).toEqual([]);
    });
  });

  describe('metadata', () => {
    it('sets, reads, lists and deletes keys, keeping the cached info in step', async () => {
      const file = new File(uuid, client);
      await firstValueFrom(file.info());
      expect(await firstValueFrom(file.setMetadata('subsystem', 'uploader'))).toBe('uploader');
      expect(await firstValueFrom(file.setMetadata('pet', 'cat'))).toBe('cat');
      expect(await firstValueFrom(file.metadata('pet'))).toBe('cat');
      expect(await firstValueFrom(file.metadata())).toEqual({ subsystem: 'uploader', pet: 'cat' });
      expect((await firstValueFrom(file.info())).metadata).toEqual({ subsystem: 'uploader', pet: 'cat' });
      await firstValueFrom(file.deleteMetadata('pet'), { defaultValue: undefined });
      expect(await firstValueFrom(file.metadata())).toEqual({ subsystem: 'uploader' });
      expect((await firstValueFrom(file.info())).metadata).toEqual({ subsystem: 'uploader' });
      expect((await firstValueFrom(file.updateInfo())).metadata).toEqual({ subsystem: 'uploader' });
    });

    it('reports a missing key as an InvalidRequestError (404)', async () => {
      const error = await firstValueFrom(new File(uuid, client).metadata('missing')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
    });

    it('checks keys and values before any request', async () => {
      const file = new File(uuid, client);
      for (const key of ['', 'a b', 'ключ', 'x'.repeat(65), 'a/b']) {
        await expectAsync(firstValueFrom(file.setMetadata(key, 'v'))).toBeRejectedWithError(InvalidParamError);
        await expectAsync(firstValueFrom(file.metadata(key))).toBeRejectedWithError(InvalidParamError);
        await expectAsync(firstValueFrom(file.deleteMetadata(key))).toBeRejectedWithError(InvalidParamError);
      }
      for (const value of ['', 'v'.repeat(513), 42 as unknown as string]) {
        await expectAsync(firstValueFrom(file.setMetadata('key', value))).toBeRejectedWithError(InvalidParamError);
      }
      expect(client.calls).toEqual([]);
      expect(await firstValueFrom(file.setMetadata('a-Z_0.9:x', 'v'.repeat(512)))).toBe('v'.repeat(512));
    });
  });

  describe('include appdata', () => {
    it('asks with include=appdata and emits the appdata (null when none)', async () => {
      const file = new File(uuid, client);
      await firstValueFrom(file.info());
      expect(await firstValueFrom(file.appdata())).toEqual(jasmine.anything() as unknown as null);
      expect(client.calls.map((call) => call.path)).toEqual([`files/${uuid}/`, `files/${uuid}/?include=appdata`]);
      await firstValueFrom(file.info({ include: 'appdata' }));
      expect(client.calls.length).toBe(2);
    });

    it('does not mix concurrent requests with and without appdata', async () => {
      const file = new File(uuid, client);
      const [plain, withAppdata] = await lastValueFrom(forkJoin([file.info(), file.info({ include: 'appdata' })]));
      expect(plain.uuid).toBe(uuid);
      expect(withAppdata.appdata).not.toBeUndefined();
      expect(client.calls.map((call) => call.path)).toEqual([`files/${uuid}/`, `files/${uuid}/?include=appdata`]);
    });

    it('rejects another include before any request', async () => {
      const file = new File(uuid, client);
      await expectAsync(firstValueFrom(file.updateInfo({ include: 'x' as 'appdata' }))).toBeRejectedWithError(InvalidParamError);
      expect(client.calls).toEqual([]);
    });
  });

  it('emits each getter to many subscribers through toArray without extra requests', async () => {
    const file = new File(uuid, client);
    const sizes = await lastValueFrom(forkJoin([file.size(), file.size(), file.size()]).pipe(toArray()));
    expect(sizes).toEqual([[12, 12, 12]]);
    expect(client.calls.length).toBe(1);
  });
});
