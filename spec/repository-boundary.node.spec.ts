import { join, relative, resolve } from 'node:path';
import { outsideReferences, outsideReferencesIn, type AllowedText } from './support/outside-paths.js';

const ROOT = resolve(__dirname, '..');
/** This file: its allowed texts and examples are paths going out by design. */
const SELF = relative(ROOT, __filename);

/** Strings that look like paths going out of the repository but are inputs of path-traversal specs and their docs. */
const ALLOWED: readonly AllowedText[] = [
  { file: 'spec/chaos/emulator-robustness.node.spec.ts', path: '../../../escape.txt', why: 'an uploaded file name that must stay a name' },
];

describe('the repository boundary', () => {
  it('no file under lib/, spec/, bench/, scripts/, docs/ or emulator/ refers to a path outside the repository', () => {
    expect(outsideReferences(ROOT, ALLOWED).filter((reference) => reference.file !== SELF)).toEqual([]);
  });

  it('every allowed text is still there (a stale entry would hide a new reference of the same text)', () => {
    const found = outsideReferences(ROOT);
    const stale = ALLOWED.filter((allow) => !found.some((reference) => reference.file === allow.file && reference.path === allow.path));
    expect(stale).toEqual([]);
  });

  describe('what counts as a reference outside', () => {
    const file = join(ROOT, 'emulator/spec/rest/support/openapi.ts');
    const check = (text: string): string[] => outsideReferencesIn(ROOT, file, text).map((reference) => reference.leadsTo);

    it('a path from the working directory (the root) into a sibling folder', () => {
      expect(check(`const SPEC_PATH = resolve(process.cwd(), '../shared/specs/rest-api-v0.7.yml');`)).toEqual(['../shared/specs/rest-api-v0.7.yml']);
    });

    it('a path from the file climbing above the root', () => {
      expect(check(`import { x } from '../../../../../sibling/x.js';`)).toEqual(['../sibling/x.js']);
    });

    it('an absolute path into the folder that holds the clone', () => {
      expect(check(`readFileSync('${resolve(ROOT, '../shared/seed/api.txt')}')`)).toEqual(['../shared/seed/api.txt']);
    });

    it('a Markdown link out of the repository', () => {
      expect(outsideReferencesIn(ROOT, join(ROOT, 'docs/x.md'), 'See [the seed](../../shared/seed/api.txt).').map((reference) => reference.leadsTo)).toEqual([
        '../shared/seed/api.txt',
      ]);
    });

    it('not: relative paths that are data, not paths (test inputs, prose, comments)', () => {
      expect(check(`fc.constantFrom(undefined, '../x', '../../x');`)).toEqual([]);
      expect(check(`// a group id like \`../x\` is a bad answer`)).toEqual([]);
      expect(outsideReferencesIn(ROOT, join(ROOT, 'docs/x.md'), 'a name like `../x` is refused')).toEqual([]);
    });

    it('not: imports inside the repository, outputs not written yet, system paths, URLs', () => {
      expect(check(`import { startEmulator } from '../../../lib/server.js';`)).toEqual([]);
      expect(check(`const SPEC_PATH = resolve(__dirname, '../../vendor/uploadcare-rest-api-v0.7.yml');`)).toEqual([]);
      expect(check(`const shot = resolve(__dirname, '../../../../.ci/artifacts/demo.png');`)).toEqual([]);
      expect(check(`const root = resolve(__dirname, '../../../..');`)).toEqual([]);
      expect(check(`spawn('/usr/bin/chromium'); fetch(\`\${origin}/x/../../../../etc/passwd\`); see https://example.com/../a/b`)).toEqual([]);
    });
  });
});
