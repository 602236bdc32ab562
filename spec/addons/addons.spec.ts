import { filter, firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { AddonError } from '../../lib/addons/addon-error.js';
import type { AddonCompleteEvent, AddonName } from '../../lib/addons/addon-types.js';
import { executeAddon } from '../../lib/addons/execute-addon.js';
import { InvalidParamError, TimeoutError } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { countingClient, type CountingClient } from '../resources/support/clients.js';
import { PNG_1X1, uploadTestFile } from '../resources/support/uploads.js';
import { testEnv } from '../support/test-env.js';
import { pause, queueNextJob, resetJobs, setJobTiming } from '../upload/support/emulator-control.js';

// The EICAR test string, joined here so that no source file holds it whole (virus scanners would quarantine it).
const EICAR = ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR', '-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join('');
const FAST = { interval: 0.02 } as const;

function completed<N extends AddonName>(name: N, file: string, params: Parameters<typeof executeAddon<N>>[2], client: CountingClient): Promise<AddonCompleteEvent<N>> {
  return lastValueFrom(executeAddon(name, file, params, FAST, client).pipe(filter((event): event is AddonCompleteEvent<N> => event.type === 'complete')));
}

describe('add-ons against the emulator', () => {
  let client: CountingClient;

  beforeEach(() => {
    client = countingClient();
  });

  afterEach(async () => {
    await resetJobs(testEnv().emulatorUrl);
  });

  it('scans for viruses: in_progress ticks, then the typed appdata entry; purges an infected file when asked', async () => {
    const infected = await uploadTestFile(`before ${EICAR} after`, { filename: 'eicar.txt' });
    await setJobTiming(testEnv().emulatorUrl, { pendingSeconds: 0.3 });
    const events = await lastValueFrom(executeAddon('uc_clamav_virus_scan', infected, { purge_infected: true }, FAST, client).pipe(toArray()));
    expect(events[0]).toEqual({ type: 'progress', status: 'in_progress' });
    const complete = events[events.length - 1] as AddonCompleteEvent<'uc_clamav_virus_scan'>;
    expect(complete.result.data).toEqual({ infected: true, infected_with: 'Win.Test.EICAR_HDB-1' });
    expect(await firstValueFrom(new File(infected, client).updateInfo())).toEqual(jasmine.objectContaining({ datetime_removed: jasmine.any(String) }));
    const clean = await uploadTestFile('nothing to see', { filename: 'clean.txt' });
    expect((await completed('uc_clamav_virus_scan', clean, undefined, client)).result.data.infected).toBeFalse();
    expect(client.calls[0]).toEqual(jasmine.objectContaining({ method: 'POST', path: 'addons/uc_clamav_virus_scan/execute/', data: { target: infected, params: { purge_infected: true } } }));
  });

  it('detects labels and moderation labels on an image', async () => {
    const image = await uploadTestFile(PNG_1X1, { filename: 'pixel.png', type: 'image/png' });
    const labels = await completed('aws_rekognition_detect_labels', image, undefined, client);
    expect(labels.result.data.Labels.map((label) => label.Name)).toContain('Home Decor');
    const moderation = await completed('aws_rekognition_detect_moderation_labels', image, undefined, client);
    expect(moderation.result.data.ModerationLabels).toEqual([]);
    expect((await firstValueFrom(new File(image, client).appdata()))?.['aws_rekognition_detect_labels']).toEqual(labels.result);
  });

  it('removes a background into a new PNG file', async () => {
    const image = await uploadTestFile(PNG_1X1, { filename: 'pixel.png', type: 'image/png' });
    const done = await completed('remove_bg', image, { type_level: '1', type: 'product' }, client);
    expect(done.result.data).toEqual({ foreground_type: 'product' });
    expect(await firstValueFrom(new File(done.fileId!, client).mimeType())).toBe('image/png');
  });

  it('ends with an AddonError when the execution ends in error', async () => {
    const image = await uploadTestFile(PNG_1X1, { filename: 'pixel.png', type: 'image/png' });
    await queueNextJob(testEnv().emulatorUrl, { outcome: 'failed' });
    const error = await lastValueFrom(executeAddon('remove_bg', image, {}, FAST, client)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AddonError);
    expect([(error as AddonError).addon, (error as AddonError).target]).toEqual(['remove_bg', image]);
    expect((error as AddonError).requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('times out, and stops polling when unsubscribed', async () => {
    const file = await uploadTestFile('slow', { filename: 'slow.txt' });
    await queueNextJob(testEnv().emulatorUrl, { seconds: 30 });
    await queueNextJob(testEnv().emulatorUrl, { seconds: 30 });
    await expectAsync(lastValueFrom(executeAddon('uc_clamav_virus_scan', file, undefined, { timeout: 0.3, interval: 0.02 }, client))).toBeRejectedWithError(TimeoutError);
    await firstValueFrom(executeAddon('uc_clamav_virus_scan', file, undefined, FAST, client).pipe(take(1)));
    const asked = client.calls.length;
    await pause(200);
    expect(client.calls.length).toBe(asked);
  });

  it('checks the add-on, file, params and timing before any request', async () => {
    const uuid = '6c5e9526-b0fe-4739-8975-72e8d5ee6342';
    const attempts = [
      executeAddon('nope' as AddonName, uuid, undefined, FAST, client),
      executeAddon('remove_bg', 'no uuid', {}, FAST, client),
      executeAddon('remove_bg', uuid, 'crop' as never, FAST, client),
      executeAddon('remove_bg', uuid, {}, { timeout: -1 }, client),
    ];
    for (const attempt of attempts) await expectAsync(lastValueFrom(attempt)).toBeRejectedWithError(InvalidParamError);
    expect(client.calls).toEqual([]);
  });
});
