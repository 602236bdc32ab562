import fc from 'fast-check';
import { relative, resolve, sep } from 'node:path';
import { ImageTransformation } from '../../lib/cdn/transformations/image-transformation.js';
import { effectsAsName, expandPattern, parsePattern } from '../../lib/cli/sync/pattern.js';
import { safeJoin, unsafeSegmentReason } from '../../lib/cli/sync/safe-path.js';
import { UsageError } from '../../lib/cli/args/usage-error.js';

const UUID = '6c5e9526-b0fe-4739-8975-72e8d5ee6342';

describe('unsafeSegmentReason', () => {
  it('refuses every hostile name', () => {
    const hostile: Record<string, RegExp> = {
      '': /empty/,
      '.': /relative/,
      '..': /relative/,
      '../etc/passwd': /separator/,
      '..\\windows\\win.ini': /separator/,
      '/etc/passwd': /separator/,
      'a\u0000b.jpg': /control/,
      'new\nline': /control/,
      'c1\u009bcsi.jpg': /control/,
      'gpj.\u202eexe': /control/,
      'isolate\u2066.txt': /control/,
      CON: /reserved/,
      'nul.txt': /reserved/,
      'Com1.jpg': /reserved/,
      'lpt9': /reserved/,
      'trailing.': /dot or a space/,
      'trailing ': /dot or a space/,
    };
    for (const [name, reason] of Object.entries(hostile)) {
      expect(unsafeSegmentReason(name, 'linux')).withContext(JSON.stringify(name)).toMatch(reason);
    }
    expect(unsafeSegmentReason('a:b.jpg', 'win32')).toMatch(/Windows/);
  });

  it('accepts ordinary names', () => {
    for (const name of ['photo.jpg', '.hidden', 'console.log', 'résumé (1).pdf', '...x', 'a:b.jpg']) {
      expect(unsafeSegmentReason(name, 'linux')).withContext(name).toBeUndefined();
    }
  });
});

describe('safeJoin', () => {
  it('joins plain relative paths under the root', () => {
    expect(safeJoin('out', 'a/b.jpg')).toEqual({ ok: true, path: resolve('out', 'a', 'b.jpg') });
  });

  it('refuses absolute paths, traversal and empty segments', () => {
    for (const path of ['/etc/passwd', '\\x', 'a/../../x', 'a//b', '..', '']) {
      expect(safeJoin('out', path).ok).withContext(path).toBeFalse();
    }
  });
});

describe('sync patterns', () => {
  it('splits a pattern into a fixed root and a template', () => {
    expect(parsePattern('photos/${uuid}/${filename}')).toEqual({ root: 'photos', template: '${uuid}/${filename}' });
    expect(parsePattern('${uuid}${ext}')).toEqual({ root: '.', template: '${uuid}${ext}' });
    expect(parsePattern('/srv/files/img-${uuid}${ext}')).toEqual({ root: '/srv/files', template: 'img-${uuid}${ext}' });
    expect(parsePattern('downloads/')).toEqual({ root: 'downloads', template: '${uuid}${ext}' });
    expect(parsePattern('.', true)).toEqual({ root: '.', template: '${uuid}_${effects}${ext}', templateWithoutEffects: '${uuid}${ext}' });
    expect(() => parsePattern('${uuid}/${name}')).toThrowError(UsageError, /unknown placeholder \$\{name\}/);
  });

  it('expands the placeholders', () => {
    const pattern = parsePattern('out/${uuid}/${effects}-${filename}');
    const expanded = expandPattern(pattern, { uuid: UUID, filename: 'cat.jpg', effects: 'resize/20x/-/flip/' });
    expect(expanded).toEqual({ ok: true, path: resolve('out', UUID, 'resize_20x_flip-cat.jpg') });
    expect(expandPattern(parsePattern('out'), { uuid: UUID, filename: 'cat.JPG', effects: '' })).toEqual({
      ok: true,
      path: resolve('out', `${UUID}.JPG`),
    });
    expect(effectsAsName('resize/20x/-/flip/')).toBe('resize_20x_flip');
    const transformation = new ImageTransformation().resize(20).flip();
    expect(effectsAsName(transformation)).toBe('resize_20x_flip');
    expect(expandPattern(pattern, { uuid: UUID, filename: 'cat.jpg', effects: transformation })).toEqual(expanded);
    expect(expandPattern(parsePattern('out', true), { uuid: UUID, filename: 'cat.jpg', effects: new ImageTransformation() })).toEqual(
      expandPattern(parsePattern('out', true), { uuid: UUID, filename: 'cat.jpg', effects: '' }),
    );
  });

  it('refuses a file whose server name would escape, with the reason', () => {
    const pattern = parsePattern('out/${filename}');
    for (const filename of ['../escape.txt', '/etc/passwd', 'x\u0000.jpg', 'AUX', '']) {
      const expanded = expandPattern(pattern, { uuid: UUID, filename, effects: '' });
      expect(expanded.ok).withContext(JSON.stringify(filename)).toBeFalse();
      if (!expanded.ok) expect(expanded.reason).toMatch(/^filename refused: /);
    }
  });

  it('never yields a path outside the root, whatever the filename and effects', () => {
    const root = resolve('target');
    const names = fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom('..', '.', '/', '\\', '\u0000', 'a', 'CON', ' ', ':', 'é'), { maxLength: 8 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(names, names, fc.constantFrom('${filename}', '${uuid}/${filename}', '${effects}/${filename}${ext}', 'x${ext}'), (filename, effects, template) => {
        const expanded = expandPattern({ root: 'target', template }, { uuid: UUID, filename, effects });
        if (!expanded.ok) return true;
        const inside = relative(root, expanded.path);
        return expanded.path.startsWith(root + sep) && !inside.split(sep).includes('..') && !expanded.path.includes('\u0000');
      }),
      { numRuns: 2000 },
    );
  });
});
