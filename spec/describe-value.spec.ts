import fc from 'fast-check';
import { describeValue, DESCRIBE_VALUE_MAX_LENGTH } from '../lib/describe-value.js';

describe('describeValue', () => {
  it('prints JSON when the value has a JSON form', () => {
    expect(describeValue('a"b')).toBe('"a\\"b"');
    expect(describeValue(12)).toBe('12');
    expect(describeValue(null)).toBe('null');
    expect(describeValue({ a: [1] })).toBe('{"a":[1]}');
    expect(describeValue({ toString: [] })).toBe('{"toString":[]}');
    expect(describeValue(Object.create(null))).toBe('{}');
  });

  it('names what JSON cannot show', () => {
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(-Infinity)).toBe('-Infinity');
    expect(describeValue(10n)).toBe('10n');
    expect(describeValue(Symbol('s'))).toBe('Symbol(s)');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(new Date(Number.NaN))).toBe('Invalid Date');
  });

  it('falls back to a type name when printing throws', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeValue(circular)).toBe('[object Object]');
    expect(describeValue({ toJSON: () => { throw new Error('no'); } })).toBe('[object Object]');
    expect(describeValue({ a: 1n })).toBe('[object Object]');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeValue(proxy)).toBe('[object]');
  });

  it('cuts long descriptions', () => {
    expect(describeValue('x'.repeat(1000)).length).toBe(DESCRIBE_VALUE_MAX_LENGTH + 1);
  });

  it('never throws and always returns a string (property)', () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withBoxedValues: true, withNullPrototype: true, withObjectString: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withDate: true }), (value) => {
      expect(typeof describeValue(value)).toBe('string');
    }), { seed: 42, numRuns: 500 });
  });
});
