import { lastValueFrom, toArray } from 'rxjs';
import { md5Hex } from '../../lib/transport/crypto.js';
import { File } from '../../lib/resources/file.js';
import type { UploadEvent, UploadProgressEvent } from '../../lib/upload/events.js';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { testEnv } from '../support/test-env.js';
import { cdnBytes, emulatorClient, lastRequestId, patternBytes, requestsSince } from './support/emulator-control.js';

const MiB = 1024 * 1024;

function progressOf(events: readonly UploadEvent[]): UploadProgressEvent[] {
  return events.filter((event): event is UploadProgressEvent => event.type === 'progress');
}

function expectWellFormedProgress(events: readonly UploadEvent[], total: number): void {
  const ticks = progressOf(events);
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  expect(ticks[0]).toEqual({ type: 'progress', done: 0, total });
  expect(ticks[ticks.length - 1]).toEqual({ type: 'progress', done: total, total });
  ticks.slice(1).forEach((tick, i) => expect(tick.done).toBeGreaterThan(ticks[i]!.done));
  expect(events[events.length - 1]!.type).toBe('complete');
  expect(events.filter((event) => event.type === 'complete').length).toBe(1);
}

describe('uploadFile', () => {
  const base = () => testEnv().emulatorUrl;

  it('uploads small bytes through base/ with progress ticks, then the File', async () => {
    const client = emulatorClient(base());
    const bytes = patternBytes(3000);
    const since = await lastRequestId(base());
    const events = await lastValueFrom(uploadFile(bytes, { filename: 'hello.bin' }, client).pipe(toArray()));

    expectWellFormedProgress(events, 3000);
    const last = events[events.length - 1]!;
    if (last.type !== 'complete') throw new Error('no complete event');
    expect(last.file).toBeInstanceOf(File);
    expect(md5Hex(await cdnBytes(base(), last.file.uuid))).toBe(md5Hex(bytes));
    const paths = (await requestsSince(base(), since)).map((request) => `${request.method} ${request.path}`);
    expect(paths).toContain('POST /base/');
    expect(paths.some((path) => path.includes('/multipart/'))).toBeFalse();
  });

  it('sends a Blob (a browser File) with its name and type, and the options the service keeps', async () => {
    const client = emulatorClient(base());
    const blob = new Blob([patternBytes(1234) as Uint8Array<ArrayBuffer>], { type: 'text/plain' });
    const file = await lastValueFrom(
      uploadFile(blob, { filename: 'notes.txt', store: false, metadata: { kind: 'note', 'a.b': 'c' } }, client).pipe(toFile()),
    );
    const info = await lastValueFrom(file.info());
    expect(info.original_filename).toBe('notes.txt');
    expect(info.mime_type).toBe('text/plain');
    expect(info.size).toBe(1234);
    expect(info.datetime_stored).toBeNull();
    expect(info.metadata).toEqual({ kind: 'note', 'a.b': 'c' });
  });

  it('takes the name and type of a browser File', async () => {
    const client = emulatorClient(base());
    const BrowserFile = (globalThis as unknown as { File: new (parts: BlobPart[], name: string, options: { type: string }) => Blob }).File;
    const picked = new BrowserFile([patternBytes(64) as Uint8Array<ArrayBuffer>], 'photo.png', { type: 'image/png' });
    const file = await lastValueFrom(uploadFile(picked, {}, client).pipe(toFile()));
    const info = await lastValueFrom(file.info());
    expect(info.original_filename).toBe('photo.png');
    expect(info.mime_type).toBe('image/png');
  });

  it('stores when asked and overrides the content type', async () => {
    const client = emulatorClient(base());
    const file = await lastValueFrom(uploadFile(patternBytes(100), { store: true, contentType: 'application/x-test' }, client).pipe(toFile()));
    const info = await lastValueFrom(file.info());
    expect(info.datetime_stored).not.toBeNull();
    expect(info.mime_type).toBe('application/x-test');
  });

  it('goes multipart at the threshold: parts in order, byte-identical file, progress to the total', async () => {
    const client = emulatorClient(base());
    const size = 11 * MiB + 12345;
    const bytes = patternBytes(size, 3);
    const since = await lastRequestId(base());
    const events = await lastValueFrom(uploadFile(new Blob([bytes as Uint8Array<ArrayBuffer>]), { filename: 'big.bin' }, client).pipe(toArray()));

    expectWellFormedProgress(events, size);
    const last = events[events.length - 1]!;
    if (last.type !== 'complete') throw new Error('no complete event');
    expect(md5Hex(await cdnBytes(base(), last.file.uuid))).toBe(md5Hex(bytes));
    const requests = await requestsSince(base(), since);
    const paths = requests.map((request) => `${request.method} ${request.path}`);
    expect(paths.filter((path) => path === 'POST /multipart/start/').length).toBe(1);
    expect(paths.filter((path) => path.startsWith('PUT /multipart/part/')).length).toBe(3);
    expect(paths.filter((path) => path === 'POST /multipart/complete/').length).toBe(1);
    expect(paths.includes('POST /base/')).toBeFalse();
  });

  it('honours the part size and a partConcurrency of 1', async () => {
    const client = emulatorClient(base());
    const bytes = patternBytes(10 * MiB + 1, 11);
    const since = await lastRequestId(base());
    const file = await lastValueFrom(uploadFile(bytes, { policy: { partSize: 6 * MiB, partConcurrency: 1 } }, client).pipe(toFile()));
    expect(md5Hex(await cdnBytes(base(), file.uuid))).toBe(md5Hex(bytes));
    expect((await lastValueFrom(file.info())).size).toBe(10 * MiB + 1);
    const puts = (await requestsSince(base(), since)).filter((request) => request.method === 'PUT');
    expect(puts.length).toBe(2);
    // One part at a time: each part's request ended before the next one started.
    expect(puts[1]!.startedAt).toBeGreaterThanOrEqual(puts[0]!.endedAt!);
  });

  it('waits until the file is ready when asked', async () => {
    const client = emulatorClient(base());
    const since = await lastRequestId(base());
    const file = await lastValueFrom(uploadFile(patternBytes(10), { waitUntilReady: true }, client).pipe(toFile()));
    expect(await lastValueFrom(file.isReady())).toBeTrue();
    const paths = (await requestsSince(base(), since)).map((request) => request.path);
    expect(paths).toContain('/info/');
  });

  it('is cold: nothing is sent before subscribe, each subscribe uploads anew', async () => {
    const client = emulatorClient(base());
    const since = await lastRequestId(base());
    const upload = uploadFile(patternBytes(10), {}, client).pipe(toFile());
    expect(await requestsSince(base(), since)).toEqual([]);
    const first = await lastValueFrom(upload);
    const second = await lastValueFrom(upload);
    expect(first.uuid).not.toBe(second.uuid);
  });

  it('rejects bad options before any request', async () => {
    const client = emulatorClient(base());
    const since = await lastRequestId(base());
    const attempts = [
      uploadFile(patternBytes(10), { metadata: { 'bad key!': 'x' } }, client),
      uploadFile(patternBytes(10), { metadata: { empty: '' } }, client),
      uploadFile(patternBytes(10), { metadata: { long: 'x'.repeat(513) } }, client),
      uploadFile(patternBytes(10), { store: 'yes' as unknown as boolean }, client),
      uploadFile(patternBytes(10), { contentType: 'nonsense' }, client),
      uploadFile(patternBytes(10), { policy: { partConcurrency: 0 } }, client),
      uploadFile(patternBytes(10), { policy: { multipartThreshold: MiB } }, client),
    ];
    for (const attempt of attempts) {
      await expectAsync(lastValueFrom(attempt)).toBeRejectedWith(jasmine.objectContaining({ name: 'InvalidParamError' }));
    }
    expect(await requestsSince(base(), since)).toEqual([]);
  });
});
