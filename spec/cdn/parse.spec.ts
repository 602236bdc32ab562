import fc from 'fast-check';
import { parseTransformation } from '../../lib/cdn/transformations/parse.js';
import { InvalidParamError } from '../../lib/errors.js';
import { refusalOf } from './support.js';

describe('parseTransformation', () => {
  it('reads effects into a checked transformation, with or without the leading -/', () => {
    const text = 'scale_crop/200x200/smart_faces/30p,70p/-/format/auto/-/quality/smart/';
    expect(String(parseTransformation(text))).toBe(`-/${text}`);
    expect(parseTransformation(`-/${text}`).effects).toBe(text);
    expect(parseTransformation('preview/-/blur_region/faces/-/overlay/self/50px50p/20p/-/crop/50px50p/center').effects).toBe(
      'preview/-/blur_region/faces/-/overlay/self/50px50p/20p/-/crop/50px50p/center/',
    );
    expect(parseTransformation('').operations).toEqual([]);
  });

  it('refuses an operation the builder does not know, extra arguments, and arguments the builder refuses', () => {
    const unknown = refusalOf(() => parseTransformation('effect/flip/'));
    expect([unknown.operation, unknown.argument, unknown.rule]).toEqual(['effect', 'operation', 'unknown-operation']);
    expect(refusalOf(() => parseTransformation('toString/')).rule).toBe('unknown-operation');
    expect(refusalOf(() => parseTransformation('flip/x/')).rule).toBe('count');
    expect(refusalOf(() => parseTransformation('overlay/self/1x1/center/5p/6p/')).rule).toBe('count');
    const width = refusalOf(() => parseTransformation('resize/0x/'));
    expect([width.operation, width.argument, width.rule]).toEqual(['resize', 'width', 'range']);
    expect(refusalOf(() => parseTransformation('resize/abcx/')).rule).toBe('integer');
    expect(refusalOf(() => parseTransformation('crop/10x10/middle/')).rule).toBe('one-of');
    expect(refusalOf(() => parseTransformation('scale_crop/10x10/top/')).rule).toBe('one-of');
    expect(refusalOf(() => parseTransformation('progressive/maybe/')).rule).toBe('one-of');
    expect(refusalOf(() => parseTransformation('json/-/flip/')).rule).toBe('last-operation');
  });

  it('throws only InvalidParamError, whatever the text', () => {
    const piece = fc.constantFrom('-', 'resize', 'crop', 'overlay', 'blur_region', 'faces', 'self', '10x10', '5p', '1,2', 'x', '', 'center', '-1');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('/'))), (text) => {
        try {
          parseTransformation(text);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidParamError);
        }
      }),
    );
  });
});
