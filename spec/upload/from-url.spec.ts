import { lastValueFrom, toArray } from 'rxjs';
import { TimeoutError, UploadError } from '../../lib/errors.js';
import { md5Hex } from '../../lib/transport/crypto.js';
import { File } from '../../lib/resources/file.js';
import { FileFromUrl, type FromUrlEvent, type FromUrlProgressEvent } from '../../lib/upload/file-from-url.js';
import { uploadFromUrl, uploadFromUrlSync } from '../../lib/upload/from-url.js';
import { DEFAULT_POLL_RAMP, rampedPolls } from '../../lib/upload/poll-ramp.js';
import { toFile } from '../../lib/upload/to-file.js';
import { uploadFile } from '../../lib/upload/upload-file.js';
import { testEnv } from '../support/test-env.js';
import { addFault, cdnBytes, emulatorClient, lastRequestId, patternBytes, removeFault, requestsSince } from './support/emulator-control.js';

describe('upload from URL', () => {
  const base = () => testEnv().emulatorUrl;
  let faults: string[] = [];

  afterEach(async () => {
    await Promise.all(faults.map((id) => removeFault(base(), id)));
    faults = [];
  });

  /** A file on the emulator's CDN to fetch from (the emulator may download from loopback). */
  async function sourceFile(size: number): Promise<{ url: string; bytes: Uint8Array }> {
    const bytes = patternBytes(size, size);
    const file = await lastValueFrom(uploadFile(bytes, { filename: 'source.bin' }, emulatorClient(base())).pipe(toFile()));
    return { url: `${base()}/${file.uuid}/`, bytes };
  }

  it('gives a FileFromUrl whose wait() emits distinct ticks up to success, then the File', async () => {
    const client = emulatorClient(base());
    const { url, bytes } = await sourceFile(200_000);
    const uuid = url.split('/').slice(-2)[0]!;
    // The emulator serves the source slowly, so the download is seen in progress.
    faults.push(await addFault(base(), { kind: 'slow-body', bytesPerSecond: 500_000, pathPrefix: `/${uuid}/` }));

    const upload = await lastValueFrom(uploadFromUrl(url, { filename: 'copy.bin', store: true }, client));
    expect(upload).toBeInstanceOf(FileFromUrl);
    expect(typeof upload.token).toBe('string');
    const events: FromUrlEvent[] = await lastValueFrom(upload.wait({ interval: 0.02 }).pipe(toArray()));

    const ticks = events.filter((event): event is FromUrlProgressEvent => event.type === 'progress');
    ticks.slice(1).forEach((tick, i) => expect(tick).not.toEqual(ticks[i]!));
    expect(ticks.some((tick) => tick.status === 'progress' && tick.done > 0 && tick.done < 200_000)).toBeTrue();
    expect(ticks[ticks.length - 1]).toEqual({ type: 'progress', status: 'success', done: 200_000, total: 200_000 });
    const last = events[events.length - 1]!;
    if (last.type !== 'complete') throw new Error('no complete event');
    expect(last.file).toBeInstanceOf(File);
    expect(md5Hex(await cdnBytes(base(), last.file.uuid))).toBe(md5Hex(bytes));
    const info = await lastValueFrom(last.file.info());
    expect(info.original_filename).toBe('copy.bin');
    expect(info.datetime_stored).not.toBeNull();
  });

  it('polls at once, then at growing waits: a fast upload is seen done far sooner than `interval`', async () => {
    const client = emulatorClient(base());
    const { url } = await sourceFile(2000);
    const uuid = url.split('/').slice(-2)[0]!;
    // About 0.2 s of download, so that the first status is not yet success.
    faults.push(await addFault(base(), { kind: 'slow-body', bytesPerSecond: 10_000, pathPrefix: `/${uuid}/` }));
    const since = await lastRequestId(base());
    await lastValueFrom(uploadFromUrlSync(url, { interval: 5 }, client));

    const requests = (await requestsSince(base(), since)).filter((request) => request.path.startsWith('/from_url/'));
    const [start, ...polls] = requests;
    expect(start?.path).toBe('/from_url/');
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.every((poll) => poll.path === '/from_url/status/')).toBeTrue();
    // Emulator timestamps, not wall time around the call: with a steady 5 s interval the second poll would be 5 s late.
    expect(polls[0]!.startedAt - start!.endedAt!).toBeLessThan(1000);
    expect(polls[polls.length - 1]!.startedAt - start!.endedAt!).toBeLessThan(1250);
    // Never sooner than the ramp says (timers may fire late on a loaded machine, never early but for rounding).
    const schedule = rampedPolls(DEFAULT_POLL_RAMP);
    polls.slice(1).forEach((poll, index) => expect(poll.startedAt - polls[index]!.endedAt!).toBeGreaterThanOrEqual(schedule(index + 1, 5000) - 2));
  });

  it('caches info(), refreshes with updateInfo(), and gives the File with getFile() once done', async () => {
    const client = emulatorClient(base());
    const { url } = await sourceFile(1000);
    const upload = await lastValueFrom(uploadFromUrl(url, {}, client));
    const first = await lastValueFrom(upload.info());
    const since = await lastRequestId(base());
    expect(await lastValueFrom(upload.info())).toEqual(first);
    expect(await requestsSince(base(), since)).toEqual([]);

    await lastValueFrom(upload.wait({ interval: 0.02 }));
    const refreshed = await lastValueFrom(upload.updateInfo());
    expect(refreshed.status).toBe('success');
    const file = await lastValueFrom(upload.getFile());
    expect(file).toBeInstanceOf(File);
    expect(await lastValueFrom(new FileFromUrl(upload.token!, client).getFile())).toEqual(jasmine.any(File));
  });

  it('getFile() is null while the upload is not done', async () => {
    const client = emulatorClient(base());
    const upload = new FileFromUrl('0b1c5f4e-9a0b-4d5e-8f7a-1b2c3d4e5f60', client);
    expect(await lastValueFrom(upload.getFile())).toBeNull();
  });

  it('an error status is an UploadError with the server\'s message and code', async () => {
    const client = emulatorClient(base());
    const upload = await lastValueFrom(uploadFromUrl(`${base()}/no-such-file/`, {}, client));
    const error = await lastValueFrom(upload.wait({ interval: 0.02 })).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(UploadError);
    const status = await lastValueFrom(upload.updateInfo());
    if (status.status !== 'error') throw new Error(`expected an error status, got ${status.status}`);
    expect((error as UploadError).code).toBe(status.error_code ?? null);
    expect(typeof (error as UploadError).code).toBe('string');
    expect((error as UploadError).message).toContain(status.error!);
  });

  it('an unknown token is an UploadError', async () => {
    const client = emulatorClient(base());
    const upload = new FileFromUrl('0b1c5f4e-9a0b-4d5e-8f7a-1b2c3d4e5f60', client);
    await expectAsync(lastValueFrom(upload.wait())).toBeRejectedWith(jasmine.any(UploadError));
  });

  it('running out of time is a TimeoutError, and polling stops', async () => {
    const client = emulatorClient(base());
    const { url } = await sourceFile(1000);
    const uuid = url.split('/').slice(-2)[0]!;
    faults.push(await addFault(base(), { kind: 'latency', latencyMs: 3000, pathPrefix: `/${uuid}/` }));
    const upload = await lastValueFrom(uploadFromUrl(url, {}, client));
    await expectAsync(lastValueFrom(upload.wait({ timeout: 0.3, interval: 0.02 }))).toBeRejectedWith(jasmine.any(TimeoutError));
    const since = await lastRequestId(base());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await requestsSince(base(), since)).filter((request) => request.path === '/from_url/status/')).toEqual([]);
    // The service still finishes its download: let it, so that its file does not land in a later spec's listing.
    await lastValueFrom(upload.wait({ timeout: 20, interval: 0.1 }));
  });

  it('uploadFromUrlSync gives the File, ready when asked', async () => {
    const client = emulatorClient(base());
    const { url, bytes } = await sourceFile(5000);
    const file = await lastValueFrom(uploadFromUrlSync(url, { untilReady: true, interval: 0.02 }, client));
    expect(file).toBeInstanceOf(File);
    expect(md5Hex(await cdnBytes(base(), file.uuid))).toBe(md5Hex(bytes));
  });

  it('finds URL duplicates when asked: the same file, no token', async () => {
    const client = emulatorClient(base());
    const { url } = await sourceFile(777);
    const first = await lastValueFrom(uploadFromUrlSync(url, { saveUrlDuplicates: true, interval: 0.02 }, client));
    const again = await lastValueFrom(uploadFromUrl(url, { checkUrlDuplicates: true }, client));
    expect(again.token).toBeNull();
    const events = await lastValueFrom(again.wait().pipe(toArray()));
    const file = await lastValueFrom(again.wait().pipe(toFile()));
    expect(file.uuid).toBe(first.uuid);
    expect(events[0]).toEqual({ type: 'progress', status: 'success', done: 777, total: 777 });
  });

  it('sends the metadata', async () => {
    const client = emulatorClient(base());
    const { url } = await sourceFile(10);
    const file = await lastValueFrom(uploadFromUrlSync(url, { metadata: { from: 'url' }, interval: 0.02 }, client));
    expect((await lastValueFrom(file.info())).metadata).toEqual({ from: 'url' });
  });
});
