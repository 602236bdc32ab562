import { startEmulator, type RunningEmulator } from '../../lib/server.js';
import { seedFiles, SEED_POLICY } from '../../lib/state/seed.js';
import type { FileRecord } from '../../lib/index.js';
import { addFile } from './support/fixtures.js';
import { contractErrors } from './support/openapi.js';
import { rest } from './support/signed-fetch.js';

interface FilePage {
  readonly next: string | null;
  readonly previous: string | null;
  readonly total: number;
  readonly totals: { readonly removed: number; readonly stored: number; readonly unstored: number };
  readonly per_page: number;
  readonly results: readonly { readonly uuid: string; readonly datetime_uploaded: string }[];
}

/** Fetches one page by path or absolute link, checking it against the contract. */
async function page(origin: string, pathOrLink: string): Promise<FilePage> {
  const path = pathOrLink.startsWith('http') ? pathOrLink.slice(origin.length) : pathOrLink;
  const response = await rest(origin, { path });
  expect(response.status).withContext(JSON.stringify(response.body)).toBe(200);
  expect(contractErrors('/files/', 'GET', 200, response.body)).toBe('');
  return response.body as FilePage;
}

/** Follows `next` (or `previous`) links from `start` to the end; returns the UUIDs in the order seen. */
async function walk(origin: string, start: string, link: 'next' | 'previous'): Promise<{ uuids: string[]; pages: number }> {
  const uuids: string[] = [];
  let pages = 0;
  let current: string | null = start;
  while (current) {
    const body: FilePage = await page(origin, current);
    const results = body.results.map((file) => file.uuid);
    uuids.push(...(link === 'next' ? results : results.reverse()));
    pages++;
    current = body[link];
  }
  return { uuids, pages };
}

describe('emulator GET /files/ pagination', () => {
  let emulator: RunningEmulator;
  let files: FileRecord[];
  const base = Date.parse('2024-03-01T10:00:00Z');

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    files = [];
    // 23 files over 10 distinct instants: ties must neither repeat nor vanish across pages.
    for (let i = 0; i < 23; i++) {
      const uploaded = new Date(base + Math.floor(i / 3) * 1000);
      const state = i % 5 === 0 ? 'removed' : i % 2 === 0 ? 'stored' : 'unstored';
      files.push(
        await addFile(emulator, {
          datetimeUploaded: uploaded,
          datetimeStored: state === 'stored' ? uploaded : null,
          datetimeRemoved: state === 'removed' ? uploaded : null,
        }),
      );
    }
  });

  afterAll(async () => {
    await emulator.close();
  });

  const existing = (): FileRecord[] => files.filter((file) => !file.datetimeRemoved);
  const byTime = (a: FileRecord, b: FileRecord): number =>
    a.datetimeUploaded.getTime() - b.datetimeUploaded.getTime() || (a.uuid < b.uuid ? -1 : 1);

  it('walks every existing file once, oldest first, over next links with ties at page borders', async () => {
    const { uuids, pages } = await walk(emulator.url, '/files/?limit=4', 'next');
    expect(uuids).toEqual(existing().sort(byTime).map((file) => file.uuid));
    expect(pages).toBe(Math.ceil(existing().length / 4));
  });

  it('walks newest first with ordering=-datetime_uploaded', async () => {
    const { uuids } = await walk(emulator.url, '/files/?limit=5&ordering=-datetime_uploaded', 'next');
    expect(uuids).toEqual(existing().sort(byTime).reverse().map((file) => file.uuid));
  });

  it('walks back over previous links from the last page', async () => {
    let last = await page(emulator.url, '/files/?limit=4');
    while (last.next) last = await page(emulator.url, last.next);
    expect(last.previous).not.toBeNull();
    const back = await walk(emulator.url, last.previous as string, 'previous');
    const all = existing().sort(byTime).map((file) => file.uuid);
    expect([...back.uuids].reverse().concat(last.results.map((file) => file.uuid))).toEqual(all);
  });

  it('gives absolute links on its own origin that keep the filters, and null at the ends', async () => {
    const first = await page(emulator.url, '/files/?limit=3&stored=true&include=appdata');
    expect(first.previous).toBeNull();
    expect(first.next).toMatch(new RegExp(`^${emulator.url}/files/\\?`));
    const next = new URL(first.next as string);
    expect(next.searchParams.get('stored')).toBe('true');
    expect(next.searchParams.get('include')).toBe('appdata');
    expect(next.searchParams.get('limit')).toBe('3');
    const single = await page(emulator.url, '/files/?limit=1000');
    expect(single.next).toBeNull();
    expect(single.per_page).toBe(1000);
  });

  it('filters by stored and removed, with totals of the whole project', async () => {
    const count = (state: (file: FileRecord) => boolean): number => files.filter(state).length;
    const totals = {
      removed: count((file) => file.datetimeRemoved !== null),
      stored: count((file) => !file.datetimeRemoved && file.datetimeStored !== null),
      unstored: count((file) => !file.datetimeRemoved && file.datetimeStored === null),
    };
    const all = await page(emulator.url, '/files/');
    expect(all.totals).toEqual(totals);
    expect(all.total).toBe(totals.stored + totals.unstored);
    expect(all.per_page).toBe(100);
    expect((await page(emulator.url, '/files/?stored=true')).total).toBe(totals.stored);
    expect((await page(emulator.url, '/files/?stored=false')).total).toBe(totals.unstored);
    const removed = await page(emulator.url, '/files/?removed=true');
    expect(removed.total).toBe(totals.removed);
    expect(removed.results.map((file) => file.uuid).sort()).toEqual(
      files.filter((file) => file.datetimeRemoved).map((file) => file.uuid).sort(),
    );
  });

  it('starts at `from`, inclusive, in either direction', async () => {
    const from = new Date(base + 4000).toISOString().replace('.000Z', 'Z');
    const ascending = await page(emulator.url, `/files/?from=${from}`);
    expect(ascending.results.every((file) => Date.parse(file.datetime_uploaded) >= base + 4000)).toBeTrue();
    expect(ascending.results.length).toBe(existing().filter((file) => file.datetimeUploaded.getTime() >= base + 4000).length);
    const descending = await page(emulator.url, `/files/?from=${encodeURIComponent('2024-03-01T10:00:04+00:00')}&ordering=-datetime_uploaded`);
    expect(descending.results.length).toBe(existing().filter((file) => file.datetimeUploaded.getTime() <= base + 4000).length);
  });

  it('keeps listings current as files are stored and removed', async () => {
    const file = await addFile(emulator, { datetimeUploaded: new Date(base + 60_000) });
    files.push(file);
    const before = await page(emulator.url, '/files/?stored=true');
    await rest(emulator.url, { method: 'PUT', path: `/files/${file.uuid}/storage/` });
    const stored = await page(emulator.url, '/files/?stored=true');
    expect(stored.total).toBe(before.total + 1);
    expect(stored.results.map((result) => result.uuid)).toContain(file.uuid);
    await rest(emulator.url, { method: 'DELETE', path: `/files/${file.uuid}/storage/` });
    files[files.length - 1] = emulator.store.fileByUuid(file.uuid) as FileRecord;
    const after = await page(emulator.url, '/files/?stored=true');
    expect(after.total).toBe(before.total);
    expect((await page(emulator.url, '/files/?removed=true')).results.map((result) => result.uuid)).toContain(file.uuid);
  });
});

describe('emulator GET /files/ with 100k seeded files', () => {
  let emulator: RunningEmulator;
  const count = 100_000;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    await seedFiles(emulator.store, 'demopublickey', count);
  }, 120_000);

  afterAll(async () => {
    await emulator.close();
  });

  it('spreads the seeded files over time, stored, temporary and removed, with real bytes', () => {
    const seeded = emulator.store.filesOf('demopublickey');
    expect(seeded.length).toBe(count);
    const removed = seeded.filter((file) => file.datetimeRemoved).length;
    const stored = seeded.filter((file) => file.datetimeStored).length;
    expect(removed).toBe((count * SEED_POLICY.removedPercent) / 100);
    expect(stored).toBe((count * SEED_POLICY.storedPercent) / 100);
    expect(new Set(seeded.map((file) => file.datetimeUploaded.getTime())).size).toBe(count);
    const sample = seeded[12345] as FileRecord;
    expect(emulator.store.blobs.size(sample.blobId)).toBe(sample.size);
    expect(sample.size).toBeGreaterThan(0);
  });

  it('pages through the middle of the listing in both directions', async () => {
    const first = await page(emulator.url, '/files/?limit=1000');
    expect(first.totals).toEqual({ removed: 10_000, stored: 70_000, unstored: 20_000 });
    expect(first.total).toBe(90_000);
    let current = first;
    for (let i = 0; i < 5; i++) current = await page(emulator.url, current.next as string);
    expect(current.results.length).toBe(1000);
    const times = current.results.map((file) => Date.parse(file.datetime_uploaded));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const middle = current.results[500]?.datetime_uploaded as string;
    const descending = await page(emulator.url, `/files/?limit=10&ordering=-datetime_uploaded&from=${encodeURIComponent(middle)}`);
    expect(descending.results[0]?.datetime_uploaded).toBe(middle);
    const back = await page(emulator.url, current.previous as string);
    expect(back.results.at(-1)?.uuid).not.toBe(current.results[0]?.uuid);
    expect(Date.parse(back.results.at(-1)?.datetime_uploaded as string)).toBeLessThan(times[0] as number);
  });
});
