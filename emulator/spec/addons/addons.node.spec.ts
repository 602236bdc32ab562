import { addonExecutionStatus, AddonExecutionStatus, addonJobPoller, AddonName, executeAddon, fileInfo, RestClientError } from '@uploadcare/rest-client';
import sharp from 'sharp';
import { EICAR } from '../../lib/addons/eicar.js';
import { addFile } from '../rest/support/fixtures.js';
import { useEmulatorForOfficialClients } from '../rest/support/official-settings.js';
import { startHookReceiver } from '../rest/support/hook-receiver.js';
import { rest } from '../rest/support/signed-fetch.js';
import { postForm, PUBLIC_KEY } from '../upload/upload-api-helpers.js';

const IMAGE = { filename: 'photo.png', mimeType: 'image/png', imageInfo: { width: 40, height: 20, format: 'PNG' } } as const;

async function control(origin: string, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${origin}/__emulator/${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
}


/** A real 3x2 PNG (opaque red), for what decodes images. */
async function realPng(): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await sharp({ create: { width: 3, height: 2, channels: 4, background: '#ff0000' } }).png().toBuffer());
}

/** An image's size, channels and the alpha values of its pixels, decoded by sharp. */
async function alphaOf(bytes: Uint8Array): Promise<{ width: number; height: number; channels: number; alphas: Set<number> }> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const alphas = new Set<number>();
  for (let i = 3; i < data.length; i += info.channels) alphas.add(data[i]!);
  return { width: info.width, height: info.height, channels: info.channels, alphas };
}

/** Add-ons driven by the official REST client's executeAddon, addonExecutionStatus and addonJobPoller. */
describe('emulator add-ons', () => {
  const env = useEmulatorForOfficialClients();

  afterEach(async () => {
    await control(env.emulator.url, 'DELETE', 'jobs');
    await control(env.emulator.url, 'DELETE', 'addons/labels');
  });

  it('detects the EICAR test string with ClamAV, purging the file when asked; a clean file is clean', async () => {
    const infected = await addFile(env.emulator, { filename: `prefix ${EICAR} suffix` });
    const clean = await addFile(env.emulator, { filename: 'clean.txt' });
    const found = await addonJobPoller({ addonName: AddonName.UC_CLAMAV_VIRUS_SCAN, target: infected.uuid, params: { purge_infected: true } }, env.settings);
    expect(found).toEqual({ error: false, result: { version: '0.105.1', datetime_created: jasmine.any(String), datetime_updated: jasmine.any(String), data: { infected: true, infected_with: 'Win.Test.EICAR_HDB-1' } } as never });
    expect((await fileInfo({ uuid: infected.uuid }, env.settings)).datetimeRemoved).not.toBeNull();
    const scanned = await addonJobPoller({ addonName: AddonName.UC_CLAMAV_VIRUS_SCAN, target: clean.uuid }, env.settings);
    expect(scanned.result?.data).toEqual({ infected: false } as never);
    expect((await fileInfo({ uuid: clean.uuid }, env.settings)).datetimeRemoved).toBeNull();
  });

  it('sends file.infected when ClamAV finds the EICAR string', async () => {
    const receiver = await startHookReceiver();
    try {
      const subscribed = await rest(env.emulator.url, { method: 'POST', path: '/webhooks/', body: { target_url: `${receiver.url}/infected`, event: 'file.infected' } });
      expect(subscribed.status).toBe(201);
      const infected = await addFile(env.emulator, { filename: `x ${EICAR}` });
      await addonJobPoller({ addonName: AddonName.UC_CLAMAV_VIRUS_SCAN, target: infected.uuid }, env.settings);
      const hook = JSON.parse((await receiver.next()).body.toString()) as { hook: { event: string }; data: { uuid: string; appdata?: unknown } };
      expect([hook.hook.event, hook.data.uuid]).toEqual(['file.infected', infected.uuid]);
      await rest(env.emulator.url, { method: 'DELETE', path: '/webhooks/unsubscribe/', body: { target_url: `${receiver.url}/infected` } });
    } finally {
      await receiver.close();
    }
  });

  it('goes in_progress then done, and writes appdata in the real shape', async () => {
    const image = await addFile(env.emulator, IMAGE);
    env.emulator.jobs.setTiming({ pendingSeconds: 0.3 });
    const { requestId } = await executeAddon({ addonName: AddonName.AWS_REKOGNITION_DETECT_LABELS, target: image.uuid }, env.settings);
    expect((await addonExecutionStatus({ addonName: AddonName.AWS_REKOGNITION_DETECT_LABELS, requestId }, env.settings)).status).toBe(AddonExecutionStatus.IN_PROGRESS);
    let status = AddonExecutionStatus.IN_PROGRESS;
    for (let i = 0; i < 200 && status === AddonExecutionStatus.IN_PROGRESS; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      status = (await addonExecutionStatus({ addonName: AddonName.AWS_REKOGNITION_DETECT_LABELS, requestId }, env.settings)).status;
    }
    expect(status).toBe(AddonExecutionStatus.DONE);
    const info = await fileInfo({ uuid: image.uuid, include: 'appdata' }, env.settings);
    expect(info.appdata?.aws_rekognition_detect_labels?.data.Labels.map((label) => label.Name)).toEqual(['Home Decor', 'Linen', 'Sunlight']);
    expect(info.appdata?.aws_rekognition_detect_labels?.version).toBe('2016-06-27');
  });

  it('answers Rekognition labels set through the control API', async () => {
    const image = await addFile(env.emulator, IMAGE);
    const set = await control(env.emulator.url, 'PUT', 'addons/labels', { labels: [{ Name: 'Cat', Confidence: 99 }], moderationLabels: [{ Name: 'Weapons', ParentName: 'Violence', Confidence: 93 }] });
    expect(set.status).toBe(200);
    const labels = await addonJobPoller({ addonName: AddonName.AWS_REKOGNITION_DETECT_LABELS, target: image.uuid }, env.settings);
    expect(labels.result?.data.Labels).toEqual([{ Name: 'Cat', Confidence: 99, Parents: [], Instances: [] }]);
    const moderation = await addonJobPoller({ addonName: AddonName.AWS_REKOGNITION_DETECT_MODERATION_LABELS, target: image.uuid }, env.settings);
    expect(moderation.result?.data).toEqual({ ModerationModelVersion: '6.0', ModerationLabels: [{ Name: 'Weapons', ParentName: 'Violence', Confidence: 93 }] });
    expect((await control(env.emulator.url, 'PUT', 'addons/labels', { labels: 'cat' })).status).toBe(400);
  });

  it('removes the background: a new RGBA PNG of the source\'s pixels, transparent around the subject, named by result.file_id', async () => {
    const uploaded = await postForm('/base/?jsonerrors=1', { UPLOADCARE_PUB_KEY: PUBLIC_KEY, file: { bytes: await realPng(), filename: 'p.png', type: 'image/png' } }, env.emulator.url);
    const image = { uuid: uploaded.json['file'] as string };
    const { requestId } = await executeAddon({ addonName: AddonName.REMOVE_BG, target: image.uuid, params: { type_level: '2', type: 'person' } }, env.settings);
    let answer = await rest(env.emulator.url, { path: `/addons/remove_bg/execute/status/?request_id=${requestId}` });
    for (let i = 0; i < 200 && (answer.body as { status: string }).status === 'in_progress'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      answer = await rest(env.emulator.url, { path: `/addons/remove_bg/execute/status/?request_id=${requestId}` });
    }
    const { status, result } = answer.body as { status: string; result: { file_id: string } };
    expect(status).toBe('done');
    const png = await fetch(`${env.emulator.url}/${result.file_id}/`);
    expect(png.headers.get('content-type')).toBe('image/png');
    const decoded = await alphaOf(new Uint8Array(await png.arrayBuffer()));
    expect([decoded.width, decoded.height, decoded.channels]).toEqual([3, 2, 4]);
    expect([...decoded.alphas].sort()).toEqual([0, 255]);
    expect((await fileInfo({ uuid: image.uuid, include: 'appdata' }, env.settings)).appdata?.remove_bg?.data).toEqual({ foreground_type: 'person' });
  });

  it('ends in error when told to, or for a target that is no image; refuses bad params and targets', async () => {
    const image = await addFile(env.emulator, IMAGE);
    const text = await addFile(env.emulator);
    await control(env.emulator.url, 'POST', 'jobs/next', { outcome: 'failed' });
    expect(await addonJobPoller({ addonName: AddonName.AWS_REKOGNITION_DETECT_LABELS, target: image.uuid }, env.settings)).toEqual({ error: true, result: null });
    expect(await addonJobPoller({ addonName: AddonName.REMOVE_BG, target: text.uuid }, env.settings)).toEqual({ error: true, result: null });
    for (const call of [
      () => executeAddon({ addonName: AddonName.REMOVE_BG, target: image.uuid, params: { channels: 'cmyk' as never } }, env.settings),
      () => executeAddon({ addonName: AddonName.UC_CLAMAV_VIRUS_SCAN, target: env.emulator.store.newUuid() }, env.settings),
    ]) {
      const error = await call().then(() => undefined, (thrown: unknown) => thrown);
      expect((error as RestClientError).status).toBe(400);
    }
    expect((await rest(env.emulator.url, { method: 'POST', path: '/addons/nope/execute/', body: { target: image.uuid } })).status).toBe(404);
    expect((await rest(env.emulator.url, { path: '/addons/remove_bg/execute/status/?request_id=00000000-0000-4000-8000-000000000000' })).body).toEqual({ status: 'unknown' });
  });
});
