import { lastValueFrom, toArray } from 'rxjs';
import { ConversionService } from '../../docs/examples/convert/conversion-progress-service.js';
import { toPdf, webmWithThumbnails } from '../../docs/examples/convert/convert-to-pdf.js';
import { ConversionError } from '../../lib/convert/conversion-error.js';
import { countingClient } from '../resources/support/clients.js';
import { uploadTestFile } from '../resources/support/uploads.js';
import { testEnv } from '../support/test-env.js';
import { queueNextJob, resetJobs, setJobTiming } from '../upload/support/emulator-control.js';

// The examples of docs/conversions.md, run against the emulator (its jobs take about 0.25 s; the examples poll every second).
describe('docs examples (conversions)', () => {
  afterEach(async () => {
    await resetJobs(testEnv().emulatorUrl);
  });

  it('toPdf', async () => {
    const uc = countingClient();
    const uuid = await uploadTestFile('notes', { filename: 'notes.txt' });
    await setJobTiming(testEnv().emulatorUrl, { pendingSeconds: 0.5 });
    const statuses: string[] = [];
    expect(await toPdf(uc, uuid, (status) => statuses.push(status))).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]{36}\/$/);
    expect(statuses[0]).toBe('pending');
    expect(statuses[statuses.length - 1]).toBe('finished');
    await queueNextJob(testEnv().emulatorUrl, { outcome: 'failed', error: 'Broken.' });
    await expectAsync(toPdf(uc, uuid)).toBeRejectedWith(jasmine.any(ConversionError));
  });

  it('webmWithThumbnails', async () => {
    const uuid = await uploadTestFile(new Uint8Array(16), { filename: 'clip.mp4', type: 'video/mp4' });
    const { thumbnails } = await webmWithThumbnails(countingClient(), uuid);
    expect(thumbnails).toMatch(/~3$/);
  });

  it('ConversionService (Angular)', async () => {
    const uuid = await uploadTestFile('notes', { filename: 'notes.txt' });
    await setJobTiming(testEnv().emulatorUrl, { pendingSeconds: 0.5 });
    const states = await lastValueFrom(new ConversionService(countingClient()).toPdf([uuid]).pipe(toArray()));
    expect(states[0]).toEqual({ status: 'pending', percent: 0, output: null, error: null });
    expect(states[states.length - 1]).toEqual({ status: 'finished', percent: 100, output: jasmine.any(String) as unknown as string, error: null });
  });
});
