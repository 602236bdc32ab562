import { listOfFiles, paginate } from '@uploadcare/rest-client';
import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { addFile } from '../rest/support/fixtures.js';
import { officialRestSettings } from '../rest/support/official-settings.js';
import { rest } from '../rest/support/signed-fetch.js';
import { PUBLIC_KEY, postForm } from '../upload/upload-api-helpers.js';

/**
 * Datetimes as the real service writes them (pyuploadcare's recordings): six fraction digits and `Z` in bodies, the
 * Upload API's groups included (`2021-10-19T08:36:22.326641Z`); `+00:00` in list links
 * (`from=2021-09-17T09%3A47%3A30.092729%2B00%3A00`).
 */
describe('emulator fidelity: datetimes', () => {
  let emulator: RunningEmulator;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('writes an Upload API group datetime_created with microseconds', async () => {
    const file = await addFile(emulator);
    const group = await postForm('/group/?jsonerrors=1', { pub_key: PUBLIC_KEY, 'files[]': file.uuid }, emulator.url);
    expect(group.json['datetime_created']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    const info = await fetch(`${emulator.url}/group/info/?pub_key=${PUBLIC_KEY}&group_id=${encodeURIComponent(group.json['id'] as string)}`);
    expect(((await info.json()) as { datetime_created: string }).datetime_created).toBe(group.json['datetime_created'] as string);
  });

  it('writes list links with from=…+00:00 (six digits) and follows them', async () => {
    for (let i = 0; i < 3; i++) await addFile(emulator, { datetimeUploaded: new Date(Date.UTC(2024, 2, 1, 10, 0, i)) });
    const first = await rest(emulator.url, { path: '/files/?limit=1' });
    const next = new URL((first.body as { next: string }).next);
    expect(next.searchParams.get('from')).toBe('2024-03-01T10:00:01.000000+00:00');
    expect(next.search).toContain('from=2024-03-01T10%3A00%3A01.000000%2B00%3A00');
    const second = await rest(emulator.url, { path: `${next.pathname}${next.search}` });
    expect(new URL((second.body as { previous: string }).previous).searchParams.get('to')).toMatch(/\+00:00$/);
  });

  it('lets the official REST client page through the links', async () => {
    const settings = officialRestSettings(emulator.url);
    const seen: string[] = [];
    for await (const page of paginate(listOfFiles)({ limit: 1 }, settings)) seen.push(...page.results.map((file) => file.uuid));
    expect(seen.length).toBe(emulator.store.filesOf(PUBLIC_KEY).filter((file) => !file.datetimeRemoved).length);
  });
});
