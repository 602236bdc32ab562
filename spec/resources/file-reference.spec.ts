import fc from 'fast-check';
import { InvalidParamError } from '../../lib/errors.js';
import { File } from '../../lib/resources/file.js';
import { FileGroup } from '../../lib/resources/file-group.js';
import { appendEffects, normalizeEffects } from '../../lib/resources/effects.js';
import { countingClient } from './support/clients.js';

const UUID = 'a771f854-c2cb-408a-8c36-71af77811f3b';
const CDN = 'https://ucarecdn.com/';

// A client whose CDN base is the real one, so that cdnUrl reads as in the seed; no call may go through it.
function client(): ReturnType<typeof countingClient> {
  const uploadcare = countingClient();
  Object.defineProperty(uploadcare, 'options', { value: { ...uploadcare.options, cdnBase: CDN } });
  return uploadcare;
}

describe('File construction (PYUPLOADCARE.md parsing rules)', () => {
  const cases: [string, string, string][] = [
    [UUID, UUID, ''],
    [`${CDN}${UUID}/`, UUID, ''],
    [`${CDN}${UUID}`, UUID, ''],
    [`${CDN}${UUID}/-/effect/flip/`, UUID, 'effect/flip/'],
    [`${CDN}${UUID}/-/resize/2x2/img.jpg`, UUID, 'resize/2x2/'],
    [`${CDN}${UUID}/-/resize/2x2/-/effect/flip/`, UUID, 'resize/2x2/-/effect/flip/'],
    [`${CDN}${UUID}/img.jpg`, UUID, ''],
    [`https://example.com/some/prefix/${UUID}/-/crop/10x10/`, UUID, 'crop/10x10/'],
    [`http://localhost:8000/${UUID}/?query=1#frag`, UUID, ''],
    [`/${UUID}/-/flip/`, UUID, 'flip/'],
    [`${UUID}/-/flip/`, UUID, 'flip/'],
  ];
  for (const [input, uuid, effects] of cases) {
    it(`reads ${input}`, () => {
      const file = new File(input, client());
      expect(file.uuid).toBe(uuid);
      expect(file.defaultEffects).toBe(effects);
    });
  }

  it('ignores the host: the CDN URL is built on the client\'s CDN base', () => {
    const file = new File(`https://other.example/${UUID}/-/resize/2x2/img.jpg`, client());
    expect(file.cdnUrl).toBe(`${CDN}${UUID}/-/resize/2x2/`);
    expect(String(file)).toBe(file.cdnUrl);
  });

  const invalid = [
    '',
    'not a uuid',
    UUID.toUpperCase(),
    UUID.slice(1),
    `${UUID}x`,
    `x${UUID}`,
    `${CDN}${UUID}~2/`,
    `${CDN}${UUID}/nth/0/img/`,
    `${CDN}${UUID}/-/`,
    `${CDN}${UUID}/-/-/flip/`,
    `${CDN}${UUID}/-/flip/-/-/mirror/`,
    `${CDN}${UUID}/-/resize/2x2/-/`,
  ];
  for (const input of invalid) {
    it(`rejects ${JSON.stringify(input)} with InvalidParamError and no request`, () => {
      const uploadcare = client();
      expect(() => new File(input, uploadcare)).toThrowError(InvalidParamError, /Couldn't find UUID|Invalid effects/);
      expect(uploadcare.calls).toEqual([]);
    });
  }

  it('keeps uuid, cdnPath and cdnUrl consistent (seed: cdn_path)', () => {
    const file = new File(UUID, client());
    expect(file.cdnPath()).toBe(`${UUID}/`);
    expect(file.cdnPath('resize/3x3/')).toBe(`${UUID}/-/resize/3x3/`);
    expect(file.cdnPath('resize/3x3')).toBe(`${UUID}/-/resize/3x3/`);
    expect(file.cdnUrl).toBe(`${CDN}${UUID}/`);
  });

  it('lets defaultEffects be set, canonical and checked (seed: default_effects)', () => {
    const file = new File(UUID, client());
    file.defaultEffects = 'effect/flip/-/effect/mirror/';
    expect(file.cdnUrl).toBe(`${CDN}${UUID}/-/effect/flip/-/effect/mirror/`);
    file.defaultEffects = '-/resize/10x10';
    expect(file.defaultEffects).toBe('resize/10x10/');
    file.defaultEffects = '';
    expect(file.cdnUrl).toBe(`${CDN}${UUID}/`);
    expect(() => (file.defaultEffects = 'a b/')).toThrowError(InvalidParamError);
    expect(() => (file.defaultEffects = 'flip/?x=1')).toThrowError(InvalidParamError);
    expect(() => (file.defaultEffects = 'flip//mirror/')).toThrowError(InvalidParamError);
    expect(() => (file.defaultEffects = 'flip/-/-/mirror/')).toThrowError(InvalidParamError);
    expect(file.defaultEffects).toBe('');
  });

  it('never throws anything but InvalidParamError and never sends a request, whatever the string', () => {
    const uploadcare = client();
    const interesting = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.webUrl(), fc.uuid(), fc.array(fc.constantFrom('-', 'resize', '2x2', 'flip', '', ' ', '?', '%20', 'a.jpg'))).map(
        ([url, uuid, parts]) => `${url}/${uuid}/${parts.join('/')}`,
      ),
    );
    fc.assert(
      fc.property(interesting, (input) => {
        try {
          const file = new File(input, uploadcare);
          expect(file.uuid).toMatch(/^[a-z0-9]{8}-(?:[a-z0-9]{4}-){3}[a-z0-9]{12}$/);
          expect(file.cdnUrl.startsWith(`${CDN}${file.uuid}/`)).toBeTrue();
          expect(new File(file.cdnUrl, uploadcare).defaultEffects).toBe(file.defaultEffects);
        } catch (error) {
          if (!(error instanceof InvalidParamError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
    expect(uploadcare.calls).toEqual([]);
  });

  it('accepts every generated CDN URL with effects and file name, and round-trips it', () => {
    const segment = fc.stringMatching(/^[a-z0-9.,_:]{1,8}$/);
    const operation = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => `${parts.join('/')}/`);
    fc.assert(
      fc.property(
        fc.uuid().map((u) => u.toLowerCase()),
        fc.array(operation, { maxLength: 3 }),
        fc.option(fc.stringMatching(/^[a-z0-9._]{1,12}$/)),
        (uuid, operations, filename) => {
          const effects = operations.join('-/');
          const url = `${CDN}${uuid}/${effects ? `-/${effects}` : ''}${filename ?? ''}`;
          const file = new File(url, client());
          expect(file.uuid).toBe(uuid);
          expect(file.defaultEffects).toBe(effects);
        },
      ),
    );
  });
});

describe('FileGroup construction', () => {
  const GROUP = `${UUID}~2`;

  it('reads a group id and a group CDN URL (seed example)', () => {
    for (const input of [GROUP, `${CDN}${GROUP}/`, `${CDN}${GROUP}/nth/0/`, `https://example.com/x/${GROUP}/archive/zip/`]) {
      const group = new FileGroup(input, client());
      expect(group.id).toBe(GROUP);
      expect(group.length).toBe(2);
      expect(group.cdnUrl).toBe(`${CDN}${GROUP}/`);
    }
  });

  it('gives file CDN URLs without any request (seed: file_cdn_urls)', () => {
    const uploadcare = client();
    const group = new FileGroup('0513dda0-582f-447d-846f-096e5df9e2bb~2', uploadcare);
    expect(group.fileCdnUrls[0]).toBe('https://ucarecdn.com/0513dda0-582f-447d-846f-096e5df9e2bb~2/nth/0/');
    expect(group.fileCdnUrls).toEqual([`${group.cdnUrl}nth/0/`, `${group.cdnUrl}nth/1/`]);
    expect(String(group)).toBe(group.cdnUrl);
    expect(uploadcare.calls).toEqual([]);
  });

  for (const input of [`${UUID}~0`, `${UUID}~x`, UUID, `${UUID}~`, `${UUID.toUpperCase()}~2`, '', `${UUID}~99999999999999999999`]) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      expect(() => new FileGroup(input, client())).toThrowError(InvalidParamError, /Couldn't find group id/);
    });
  }

  it('is immutable: frozen, and slicing throws the seed\'s TypeError', () => {
    const group = new FileGroup(GROUP, client());
    expect(Object.isFrozen(group)).toBeTrue();
    // Strict-mode code gets a TypeError; sloppy code (e.g. a browser bundle) a silent no-op: never a change.
    const attempts: [PropertyKey, unknown][] = [['id', `${UUID}~3`], ['length', 5], [0, null], ['cdnUrl', 'x']];
    for (const [key, value] of attempts) {
      expect(Reflect.set(group, key, value)).toBeFalse();
      try {
        (group as unknown as Record<PropertyKey, unknown>)[key] = value;
      } catch (error) {
        expect(error).toBeInstanceOf(TypeError);
      }
    }
    expect(() => group.slice(0, 1)).toThrowError(TypeError, 'slicing is not supported');
    expect(group.id).toBe(GROUP);
    expect(group.length).toBe(2);
    expect((group as unknown as Record<number, unknown>)[0]).toBeUndefined();
  });

  it('never throws anything but InvalidParamError and never sends a request, whatever the string', () => {
    const uploadcare = client();
    const groupish = fc
      .tuple(fc.string(), fc.uuid(), fc.oneof(fc.nat(), fc.string()), fc.string())
      .map(([before, uuid, count, after]) => `${before}${uuid}~${count}${after}`);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), groupish), (input) => {
        try {
          const group = new FileGroup(input, uploadcare);
          expect(group.length).toBeGreaterThanOrEqual(1);
          expect(group.id).toBe(`${group.id.split('~')[0]}~${group.length}`);
          expect(new FileGroup(group.cdnUrl, uploadcare).id).toBe(group.id);
        } catch (error) {
          if (!(error instanceof InvalidParamError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
    expect(uploadcare.calls).toEqual([]);
  });
});

describe('effects', () => {
  it('are canonical (one trailing slash, no leading -/) and idempotent, or an InvalidParamError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom('-', 'resize', '2x2', 'flip', '', ' ', '?', '#', 'a%20')).map((p) => p.join('/'))), (input) => {
        try {
          const effects = normalizeEffects(input);
          expect(effects === '' || (effects.endsWith('/') && !effects.startsWith('-/') && !effects.includes('//'))).toBeTrue();
          expect(normalizeEffects(effects)).toBe(effects);
        } catch (error) {
          if (!(error instanceof InvalidParamError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('append as the seed does: resize/3x3/ + flip/ is resize/3x3/-/flip/', () => {
    expect(appendEffects('resize/3x3/', 'flip/')).toBe('resize/3x3/-/flip/');
    expect(appendEffects('', 'flip/')).toBe('flip/');
    expect(appendEffects('resize/3x3/', '')).toBe('resize/3x3/');
    expect(appendEffects('resize/3x3', '-/flip')).toBe('resize/3x3/-/flip/');
  });
});
