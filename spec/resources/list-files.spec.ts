import { lastValueFrom, take, toArray } from 'rxjs';
import { UploadcareClient } from '../../lib/core/client.js';
import { InvalidParamError } from '../../lib/errors.js';
import { listFiles } from '../../lib/resources/list-files.js';
import { countingClient, emulatorOptions } from './support/clients.js';
import { uploadTestFiles } from './support/uploads.js';
import { momentBetweenUploads } from './support/moment.js';

describe('listFiles (the core of FileList) against the emulator', () => {
  let start: Date;
  let uuids: string[];

  beforeEach(async () => {
    start = await momentBetweenUploads();
    uuids = await uploadTestFiles(5);
  });

  it('emits each file\'s info as the REST API sends it, on a bare UploadcareClient', async () => {
    const client = new UploadcareClient(emulatorOptions());
    const infos = await lastValueFrom(listFiles({ since: start }, client).pipe(toArray()));
    expect(infos.map((info) => info.uuid)).toEqual(uuids);
    expect(infos[0]).toEqual(jasmine.objectContaining({ original_filename: 'f0.txt', is_ready: true }));
  });

  it('pages as FileList does: requestLimit is the page size, limit stops the fetching', async () => {
    const client = countingClient();
    const infos = await lastValueFrom(listFiles({ since: start, requestLimit: 2, limit: 3 }, client).pipe(toArray()));
    expect(infos.map((info) => info.uuid)).toEqual(uuids.slice(0, 3));
    expect(client.calls.filter((call) => call.path.includes('files/?')).length).toBe(2);
  });

  it('requests no page after the one that satisfied take(n)', async () => {
    const client = countingClient();
    const infos = await lastValueFrom(listFiles({ since: start, requestLimit: 2 }, client).pipe(take(2), toArray()));
    expect(infos.length).toBe(2);
    expect(client.calls.filter((call) => call.path.includes('files/?')).length).toBe(1);
  });

  it('refuses a bad option on subscribe, before any request', async () => {
    const client = countingClient();
    const listing = listFiles({ since: start, until: start }, client);
    expect(client.calls).toEqual([]);
    await expectAsync(lastValueFrom(listing)).toBeRejectedWithError(InvalidParamError, /since and until/);
    expect(client.calls).toEqual([]);
  });
});
