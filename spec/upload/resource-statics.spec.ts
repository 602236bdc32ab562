import { lastValueFrom, toArray } from 'rxjs';
import { conf, File, FileFromUrl, FileGroup, toFile, type UploadEvent } from '../../lib/index.js';
import { md5Hex } from '../../lib/transport/crypto.js';
import { testEnv } from '../support/test-env.js';
import { cdnBytes, emulatorClient, patternBytes } from './support/emulator-control.js';

describe('File and FileGroup upload methods (the public face)', () => {
  const base = () => testEnv().emulatorUrl;

  it('File.upload emits progress then the File, through the given client', async () => {
    const client = emulatorClient(base());
    const bytes = patternBytes(2048);
    const events: UploadEvent[] = await lastValueFrom(File.upload(bytes, { filename: 'x.bin' }, client).pipe(toArray()));
    const last = events[events.length - 1]!;
    if (last.type !== 'complete') throw new Error('no complete event');
    expect(last.file.client).toBe(client);
    expect(md5Hex(await cdnBytes(base(), last.file.uuid))).toBe(md5Hex(bytes));
  });

  it('File.upload uses the seed-style global conf when given no client', async () => {
    const saved = { ...conf };
    Object.assign(conf, { pubKey: 'demopublickey', secret: 'demosecretkey', apiBase: base(), uploadBase: base(), cdnBase: base() });
    try {
      const file = await lastValueFrom(File.upload(patternBytes(10)).pipe(toFile()));
      expect(file.cdnUrl).toBe(`${base()}/${file.uuid}/`);
      expect(await lastValueFrom(file.size())).toBe(10);
    } finally {
      Object.assign(conf, saved);
    }
  });

  it('File.uploadFromUrl gives a FileFromUrl; File.uploadFromUrlSync the File', async () => {
    const client = emulatorClient(base());
    const source = await lastValueFrom(File.upload(patternBytes(300), {}, client).pipe(toFile()));
    const upload = await lastValueFrom(File.uploadFromUrl(source.cdnUrl, {}, client));
    expect(upload).toBeInstanceOf(FileFromUrl);
    const file = await lastValueFrom(upload.wait({ interval: 0.02 }).pipe(toFile()));
    expect(await lastValueFrom(file.size())).toBe(300);
    const synced = await lastValueFrom(File.uploadFromUrlSync(source.cdnUrl, { interval: 0.02 }, client));
    expect(synced).toBeInstanceOf(File);
    expect(synced.uuid).not.toBe(file.uuid);
  });

  it('FileGroup.upload uploads and groups in one call', async () => {
    const client = emulatorClient(base());
    const events = await lastValueFrom(FileGroup.upload([patternBytes(10), patternBytes(20)], {}, client).pipe(toArray()));
    const last = events[events.length - 1]!;
    if (last.type !== 'complete') throw new Error('no complete event');
    expect(last.group.length).toBe(2);
    expect((await lastValueFrom(last.group.info())).files_count).toBe(2);
  });
});
