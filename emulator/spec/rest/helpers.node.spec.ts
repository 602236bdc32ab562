import fc from 'fast-check';
import { formatDatetime, parseDatetime } from '../../lib/rest/datetime.js';
import { remoteObjectPath } from '../../lib/rest/routes/remote-pattern.js';
import { parseFileSource } from '../../lib/rest/uuid.js';
import { SortedEntries } from '../../lib/rest/listing/sorted-entries.js';
import { HttpError } from '../../lib/http-util.js';
import type { FileRecord } from '../../lib/index.js';

const UUID = '03ccf9ab-f266-43fb-973d-a6529c55c2ae';

describe('emulator REST datetimes', () => {
  it('formats with microseconds in UTC and parses back to the same instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (time) => {
        const text = formatDatetime(new Date(time));
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}000Z$/);
        expect(parseDatetime(text)).toBe(time);
      }),
    );
  });

  it('reads the forms clients send for `from`', () => {
    const instant = Date.parse('2015-09-10T10:00:00Z');
    expect(parseDatetime('2015-09-10T10:00:00Z')).toBe(instant);
    expect(parseDatetime('2015-09-10T10:00:00')).toBe(instant);
    expect(parseDatetime('2015-09-10T12:00:00+02:00')).toBe(instant);
    expect(parseDatetime('2015-09-10T10:00:00.000000+00:00')).toBe(instant);
    expect(parseDatetime('2015-09-10T10:00:00 00:00')).toBe(instant); // an unencoded '+' read as a space
    expect(parseDatetime('2015-09-10T10:00:00.123456Z')).toBe(instant + 123);
    expect(parseDatetime('2015-09-10')).toBe(Date.parse('2015-09-10T00:00:00Z'));
    for (const bad of ['', 'yesterday', '2015-13-01', '2015-09-10T25:00:00Z', '1441879200']) expect(parseDatetime(bad)).toBeUndefined();
  });
});

describe('emulator copy sources', () => {
  it('takes a UUID, a UUID with effects, and CDN URLs with or without a filename', () => {
    expect(parseFileSource(UUID)).toEqual({ uuid: UUID, effects: '' });
    expect(parseFileSource(`${UUID}/`)).toEqual({ uuid: UUID, effects: '' });
    expect(parseFileSource(`https://ucarecdn.com/${UUID}/roof.jpg`)).toEqual({ uuid: UUID, effects: '' });
    expect(parseFileSource(`http://127.0.0.1:8000/${UUID}/-/resize/200x/-/flip/`)).toEqual({ uuid: UUID, effects: 'resize/200x/-/flip' });
    expect(parseFileSource(UUID.toUpperCase())?.uuid).toBe(UUID);
  });

  it('refuses what is not a file reference', () => {
    for (const bad of ['', 'not-a-uuid', 'https://example.com/', `${UUID}/junk/more/`, `${UUID}/-/`]) {
      expect(parseFileSource(bad)).withContext(bad).toBeUndefined();
    }
  });
});

describe('emulator remote copy patterns', () => {
  const file = { uuid: UUID, filename: 'roof.tar.gz' } as FileRecord;

  it('expands the documented variables', () => {
    expect(remoteObjectPath('${default}', file, '')).toBe(`${UUID}/roof.tar.gz`);
    expect(remoteObjectPath('${uuid}${ext}', file, '')).toBe(`${UUID}.gz`);
    expect(remoteObjectPath('x/${filename}', file, '')).toBe('x/roof.tar');
    expect(remoteObjectPath('${auto_filename}', file, 'resize/200x')).toBe('roof.tar_-_resize_200x.gz');
  });

  it('refuses unknown variables and bad characters with a 400', () => {
    for (const bad of ['${nope}', '$uuid', 'a\\b', '']) {
      expect(() => remoteObjectPath(bad, file, '')).withContext(bad).toThrowMatching((error) => error instanceof HttpError && error.status === 400);
    }
  });
});

describe('emulator sorted listing entries', () => {
  it('stay sorted by (time, key) whatever the order of inserts and removals', () => {
    const entry = fc.record({ time: fc.integer({ min: 0, max: 20 }), key: fc.string({ minLength: 1, maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 20 }), (entries, removals) => {
        const unique = [...new Map(entries.map((item) => [item.key, item])).values()];
        const sorted = new SortedEntries();
        for (const item of unique) sorted.insert(item);
        const kept = [...unique];
        for (const pick of removals) {
          if (kept.length === 0) break;
          const [gone] = kept.splice(pick % kept.length, 1);
          if (gone) sorted.remove(gone);
        }
        kept.sort((a, b) => a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const listed = Array.from({ length: sorted.length }, (_, i) => sorted.at(i));
        expect(listed).toEqual(kept);
      }),
    );
  });
});
