import { filter, firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { ConversionError } from '../../lib/convert/conversion-error.js';
import type { ConversionCompleteEvent, ConversionEvent, ConversionOutput } from '../../lib/convert/conversion-events.js';
import { documentPath, videoPath } from '../../lib/convert/conversion-paths.js';
import { convertDocument, documentConversionInfo } from '../../lib/convert/convert-document.js';
import { convertVideo } from '../../lib/convert/convert-video.js';
import { InvalidParamError, TimeoutError } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { countingClient, type CountingClient } from '../resources/support/clients.js';
import { uploadTestFile } from '../resources/support/uploads.js';
import { testEnv } from '../support/test-env.js';
import { pause, queueNextJob, resetJobs, setJobTiming } from '../upload/support/emulator-control.js';

const FAST = { interval: 0.02 } as const;

function completeOf(events: readonly ConversionEvent[]): ConversionCompleteEvent {
  const last = events[events.length - 1];
  if (last?.type !== 'complete') throw new Error(`no complete event: ${JSON.stringify(events)}`);
  return last;
}

describe('conversions against the emulator', () => {
  const base = (): string => testEnv().emulatorUrl;
  let client: CountingClient;

  beforeEach(() => {
    client = countingClient();
  });

  afterEach(async () => {
    await resetJobs(base());
  });

  it('converts a document: status ticks pending, processing, finished, then the output', async () => {
    const uuid = await uploadTestFile('some notes', { filename: 'notes.txt' });
    // Long enough that the first answer is `pending` and a later one `processing`, however busy the machine.
    await setJobTiming(base(), { pendingSeconds: 0.5, processingSeconds: 0.5 });
    const events = await lastValueFrom(convertDocument(uuid, { format: 'pdf', store: true, ...FAST }, client).pipe(toArray()));
    const statuses = events.flatMap((event) => (event.type === 'progress' ? [event.status] : []));
    expect(statuses[0]).toBe('pending');
    expect(statuses).toContain('processing');
    expect(statuses[statuses.length - 1]).toBe('finished');
    expect(events.filter((event) => event.type === 'progress').pop()).toEqual(jasmine.objectContaining({ done: 1, total: 1 }));
    const [result] = completeOf(events).results;
    expect(result).toEqual({ ok: true, source: `${uuid}/document/-/format/pdf/`, uuid: jasmine.any(String), token: jasmine.any(Number) });
    const output = new File((result as ConversionOutput).uuid, client);
    expect(await firstValueFrom(output.mimeType())).toBe('application/pdf');
    expect(await firstValueFrom(output.isStored())).toBeTrue();
    expect(client.calls[0]).toEqual(jasmine.objectContaining({ method: 'POST', path: 'convert/document/', data: { paths: [`${uuid}/document/-/format/pdf/`], store: '1' } }));
  });

  it('reports a refused path, a failed job and a cancelled one as ConversionErrors beside the outputs', async () => {
    const doc = await uploadTestFile('text', { filename: 'a.txt' });
    const other = await uploadTestFile('text', { filename: 'b.txt' });
    const third = await uploadTestFile('text', { filename: 'c.txt' });
    await queueNextJob(base(), { outcome: 'failed', error: 'Broken document.' });
    await queueNextJob(base(), { outcome: 'cancelled' });
    const missing = '00000000-0000-4000-8000-000000000000';
    const events = await lastValueFrom(convertDocument([doc, other, missing, third], { format: 'txt', ...FAST }, client).pipe(toArray()));
    const [failed, cancelled, refused, done] = completeOf(events).results;
    expect(failed).toEqual({ ok: false, source: `${doc}/document/-/format/txt/`, error: jasmine.any(ConversionError) });
    expect(failed!.ok === false && [failed.error.kind, failed.error.message, typeof failed.error.token]).toEqual(['failed', 'Broken document.', 'number']);
    expect(cancelled!.ok === false && cancelled.error.kind).toBe('cancelled');
    expect(refused!.ok === false && [refused.error.kind, refused.error.message, refused.error.token]).toEqual(['refused', `Bad path "${missing}/document/-/format/txt/". Use UUID or CDN URL`, null]);
    expect(done!.ok).toBeTrue();
  });

  it('times out with a TimeoutError when a job outlasts the timeout', async () => {
    const uuid = await uploadTestFile('text', { filename: 'slow.txt' });
    await queueNextJob(base(), { seconds: 30 });
    await expectAsync(lastValueFrom(convertDocument(uuid, { format: 'pdf', timeout: 0.4, ...FAST }, client))).toBeRejectedWithError(TimeoutError);
  });

  it('stops polling when unsubscribed mid-job', async () => {
    const uuid = await uploadTestFile('text', { filename: 'stop.txt' });
    await queueNextJob(base(), { seconds: 30 });
    const first = await firstValueFrom(convertDocument(uuid, { format: 'pdf', ...FAST }, client).pipe(take(1)));
    expect(first).toEqual(jasmine.objectContaining({ type: 'progress' }));
    const asked = client.calls.length;
    await pause(200);
    expect(client.calls.length).toBe(asked);
  });

  it('encodes a video; the outcome names its thumbnails group', async () => {
    const uuid = await uploadTestFile(new Uint8Array(64), { filename: 'clip.mp4', type: 'video/mp4' });
    const events = await lastValueFrom(convertVideo(new File(uuid), { format: 'webm', size: { width: 320, resizeMode: 'add_padding' }, quality: 'lighter', cut: { start: '0:0:1', length: 'end' }, thumbs: 2, ...FAST }, client).pipe(toArray()));
    const [result] = completeOf(events).results;
    expect(result!.source).toBe(`${uuid}/video/-/format/webm/-/size/320x/add_padding/-/quality/lighter/-/cut/0:0:1/end/-/thumbs~2/`);
    const output = result as ConversionOutput;
    expect(await firstValueFrom(new File(output.uuid, client).mimeType())).toBe('video/webm');
    expect(output.thumbnailsGroup).toMatch(/~2$/);
    const thumbnails = await firstValueFrom(new FileGroup(output.thumbnailsGroup!, client).info());
    expect(thumbnails.files?.length).toBe(2);
  });

  it('tells what a document converts to and the group save_in_group made', async () => {
    const uuid = await uploadTestFile('%PDF-1.4 not really', { filename: 'slides.pdf', type: 'application/pdf' });
    const before = await firstValueFrom(documentConversionInfo(uuid, client));
    expect(before.format.name).toBe('pdf');
    expect(before.format.conversion_formats.map((format) => format.name)).toContain('png');
    await lastValueFrom(convertDocument(uuid, { format: 'png', page: 1, saveInGroup: true, ...FAST }, client).pipe(filter((event) => event.type === 'complete')));
    const after = await firstValueFrom(documentConversionInfo(uuid, client));
    expect(after.converted_groups['png']).toMatch(/~1$/);
  });

  it('checks sources and options before any request', async () => {
    const uuid = '6c5e9526-b0fe-4739-8975-72e8d5ee6342';
    const attempts = [
      convertDocument(uuid, { format: 'bmp' as never }, client),
      convertDocument(uuid, { format: 'pdf', page: 0 }, client),
      convertDocument([], { format: 'pdf' }, client),
      convertDocument('no uuid here', { format: 'pdf' }, client),
      convertDocument(uuid, { format: 'pdf', timeout: -1 }, client),
      convertDocument(uuid, { format: 'pdf', saveInGroup: 'yes' as never }, client),
      convertDocument(uuid, { format: 'pdf', pages: 2 } as never, client),
      convertVideo(uuid, { size: { width: 641 } }, client),
      convertVideo(uuid, { size: {} }, client),
      convertVideo(uuid, { thumbs: 51 }, client),
      convertVideo(uuid, { cut: { start: 'soon', length: 'end' } }, client),
      convertVideo(uuid, { quality: 'superb' as never }, client),
      convertVideo(uuid, { store: 'yes' as never }, client),
    ];
    for (const attempt of attempts) await expectAsync(lastValueFrom(attempt)).toBeRejectedWithError(InvalidParamError);
    expect(client.calls).toEqual([]);
  });

  it('builds the paths the API takes', () => {
    const uuid = '6c5e9526-b0fe-4739-8975-72e8d5ee6342';
    expect(documentPath(`https://ucarecdn.com/${uuid}/`, { format: 'jpg', page: 2 })).toBe(`${uuid}/document/-/format/jpg/-/page/2/`);
    expect(videoPath(uuid)).toBe(`${uuid}/video/`);
    expect(videoPath({ uuid }, { size: { height: 480 } })).toBe(`${uuid}/video/-/size/x480/`);
  });
});
