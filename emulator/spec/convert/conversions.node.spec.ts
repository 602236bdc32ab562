import { conversionInfo, conversionJobPoller, conversionJobStatus, ConversionStatus, ConversionType, convert, fileInfo, groupInfo } from '@uploadcare/rest-client';
import { addFile } from '../rest/support/fixtures.js';
import { useEmulatorForOfficialClients } from '../rest/support/official-settings.js';
import sharp from 'sharp';
import { rest } from '../rest/support/signed-fetch.js';
import { postForm, PUBLIC_KEY } from '../upload/upload-api-helpers.js';
import { cdnBytes } from './support/cdn-output.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

async function control(origin: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${origin}/__emulator/${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}


/** A real 3x2 PNG (opaque red), for what decodes images. */
async function realPng(): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await sharp({ create: { width: 3, height: 2, channels: 4, background: '#ff0000' } }).png().toBuffer());
}

/** Conversions driven by the official REST client's convert, conversionJobStatus, conversionJobPoller, conversionInfo. */
describe('emulator conversions', () => {
  const env = useEmulatorForOfficialClients();

  afterEach(async () => {
    await control(env.emulator.url, 'DELETE', 'jobs');
  });

  it('converts a document through pending, processing, finished; the output is a real PDF on the CDN', async () => {
    const source = await addFile(env.emulator, { filename: 'report.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const path = `${source.uuid}/document/-/format/pdf/`;
    // Long enough that the first answer is `pending` and a later one `processing`, however busy the machine.
    env.emulator.jobs.setTiming({ pendingSeconds: 0.3, processingSeconds: 0.3 });
    const started = await convert({ type: ConversionType.DOCUMENT, paths: [path], store: true }, env.settings);
    expect(started.problems).toEqual({});
    const [job] = started.result;
    expect(job).toEqual({ originalSource: path, uuid: jasmine.stringMatching(/^[0-9a-f-]{36}$/), token: jasmine.any(Number) });
    const seen = new Set<string>();
    let status = await conversionJobStatus({ type: ConversionType.DOCUMENT, token: job!.token }, env.settings);
    for (let i = 0; i < 200 && status.status !== ConversionStatus.FINISHED; i++) {
      seen.add(status.status);
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = await conversionJobStatus({ type: ConversionType.DOCUMENT, token: job!.token }, env.settings);
    }
    expect([...seen]).toEqual(['pending', 'processing']);
    expect(status).toEqual({ status: ConversionStatus.FINISHED, error: null, result: { uuid: job!.uuid } });
    const output = await cdnBytes(env.emulator.url, job!.uuid);
    expect(output.type).toBe('application/pdf');
    expect(Buffer.from(output.bytes).toString('latin1')).toMatch(/^%PDF-1\.4\n[\s\S]*%%EOF\n$/);
    const info = await fileInfo({ uuid: job!.uuid }, env.settings);
    expect([info.originalFilename, info.mimeType, info.datetimeStored !== null]).toEqual(['report.pdf', 'application/pdf', true]);
  });

  it('answers problems per path: a bad path, an unknown file, an unsupported pair; the good ones still run', async () => {
    const doc = await addFile(env.emulator, { filename: 'notes.txt' });
    const paths = ['nonsense', `${env.emulator.store.newUuid()}/document/-/format/pdf/`, `${doc.uuid}/document/-/format/xlsx/`, `${doc.uuid}/document/-/format/bmp/`, `${doc.uuid}/document/`, `${doc.uuid}/document/-/format/txt/`];
    const started = await convert({ type: ConversionType.DOCUMENT, paths }, env.settings);
    expect(started.problems).toEqual({
      nonsense: 'Bad path "nonsense". Use UUID or CDN URL',
      [paths[1]!]: `Bad path "${paths[1]!}". Use UUID or CDN URL`,
      [paths[2]!]: 'Conversion from txt to xlsx is not supported.',
      [paths[3]!]: 'Unsupported target format "bmp".',
      [paths[4]!]: 'Target format is required: add -/format/<format>/.',
    });
    expect(started.result.map((entry) => entry.originalSource)).toEqual([paths[5]!]);
    const missing = await rest(env.emulator.url, { method: 'POST', path: '/convert/document/', body: { paths: [] } });
    expect([missing.status, missing.body]).toEqual([400, { detail: '“paths” parameter is required.' }]);
    expect((await rest(env.emulator.url, { path: '/convert/document/status/123/' })).status).toBe(404);
  });

  it('tells which formats a document converts to, and the groups save_in_group made', async () => {
    const pdf = await addFile(env.emulator, { filename: 'slides.pdf', mimeType: 'application/pdf' });
    const before = await conversionInfo({ uuid: pdf.uuid }, env.settings);
    expect(before.error).toBeNull();
    expect(before.format.name).toBe('pdf');
    expect(before.format.conversionFormats.map((format) => format.name)).toContain('png');
    const [results] = await conversionJobPoller({ type: ConversionType.DOCUMENT, paths: [`${pdf.uuid}/document/-/format/png/-/page/1/`], saveInGroup: true }, env.settings);
    const done = await results!;
    expect(done.status).toBe(ConversionStatus.FINISHED);
    const png = await cdnBytes(env.emulator.url, done.result!.uuid);
    expect([...png.bytes.slice(0, 4)]).toEqual(PNG_SIGNATURE);
    const after = await conversionInfo({ uuid: pdf.uuid }, env.settings);
    const group = await groupInfo({ uuid: after.convertedGroups['png']! }, env.settings);
    expect(group.files.map((file) => file.uuid)).toEqual([done.result!.uuid]);
  });

  it('encodes a video into a placeholder container and a thumbnails group of the size asked', async () => {
    const video = await addFile(env.emulator, { filename: 'clip.mov', mimeType: 'video/quicktime' });
    const path = `${video.uuid}/video/-/format/webm/-/size/640x/preserve_ratio/-/quality/better/-/cut/0:0:1.5/end/-/thumbs~3/`;
    const [pending] = await conversionJobPoller({ type: ConversionType.VIDEO, paths: [path], store: false }, env.settings);
    const done = await pending!;
    expect(done.status).toBe(ConversionStatus.FINISHED);
    const output = await cdnBytes(env.emulator.url, done.result!.uuid);
    expect(output.type).toBe('video/webm');
    expect([...output.bytes.slice(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]);
    expect(done.result!.thumbnailsGroupUuid).toMatch(/~3$/);
    const thumbnails = await groupInfo({ uuid: done.result!.thumbnailsGroupUuid }, env.settings);
    expect(thumbnails.files.length).toBe(3);
    expect((await fileInfo({ uuid: done.result!.uuid }, env.settings)).datetimeStored).toBeNull();
  });

  it('refuses bad video operations and sources that are no video, per path', async () => {
    const video = await addFile(env.emulator, { filename: 'clip.mp4', mimeType: 'video/mp4' });
    const text = await addFile(env.emulator, { filename: 'a.txt' });
    const paths = [`${video.uuid}/video/-/size/641x480/`, `${video.uuid}/video/-/thumbs~51/`, `${video.uuid}/video/-/format/avi/`, `${video.uuid}/video/-/spin/`, `${text.uuid}/video/`, video.uuid];
    const started = await convert({ type: ConversionType.VIDEO, paths }, env.settings);
    expect(Object.keys(started.problems)).toEqual(paths.slice(0, 5));
    expect(started.result.map((entry) => entry.originalSource)).toEqual([video.uuid]);
  });

  it('fails, cancels or delays the next job as the control API says', async () => {
    const doc = await addFile(env.emulator, { filename: 'a.txt' });
    const path = `${doc.uuid}/document/-/format/pdf/`;
    expect((await control(env.emulator.url, 'POST', 'jobs/next', { outcome: 'failed', error: 'Broken document.' })).status).toBe(201);
    expect((await control(env.emulator.url, 'POST', 'jobs/next', { outcome: 'cancelled' })).status).toBe(201);
    const [failed] = await conversionJobPoller({ type: ConversionType.DOCUMENT, paths: [path] }, env.settings);
    expect(await failed!).toEqual(jasmine.objectContaining({ status: ConversionStatus.FAILED, error: 'Broken document.' }));
    const [cancelled] = await conversionJobPoller({ type: ConversionType.DOCUMENT, paths: [path] }, env.settings);
    expect((await cancelled!).status).toBe(ConversionStatus.CANCELLED);
    await control(env.emulator.url, 'POST', 'jobs/next', { seconds: 30 });
    const slow = await convert({ type: ConversionType.DOCUMENT, paths: [path] }, env.settings);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await conversionJobStatus({ type: ConversionType.DOCUMENT, token: slow.result[0]!.token }, env.settings)).status).toBe(ConversionStatus.PROCESSING);
    expect((await control(env.emulator.url, 'POST', 'jobs/next', { outcome: 'exploded' })).status).toBe(400);
  });

  it('really converts an image to JPEG', async () => {
    const uploaded = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: await realPng(), filename: 'p.png', type: 'image/png' } }, env.emulator.url);
    const [job] = await conversionJobPoller({ type: ConversionType.DOCUMENT, paths: [`${uploaded.json['file'] as string}/document/-/format/jpg/`] }, env.settings);
    const done = await job!;
    const output = await cdnBytes(env.emulator.url, done.result!.uuid);
    expect(output.type).toBe('image/jpeg');
    expect(await sharp(output.bytes).metadata()).toEqual(jasmine.objectContaining({ format: 'jpeg', width: 3, height: 2 }));
  });
});
