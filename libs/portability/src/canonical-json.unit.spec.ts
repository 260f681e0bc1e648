import { canonicalJson } from './canonical-json';

describe('canonical JSON (RFC 8785)', () => {
  it('gives the same text whatever order the keys came in, at every depth', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } };
    const b = { a: { c: 'x', d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('sorts keys by UTF-16 code units and escapes strings as JSON does', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '1': 4 })).toBe('{"1":4,"Z":3,"z":2,"é":1}');
    expect(canonicalJson('line\n"quoted" \u2028')).toBe(JSON.stringify('line\n"quoted" \u2028'));
  });

  it('reads back to the same value: what is hashed is what a reader parses', () => {
    const value = { when: new Date('2025-01-01T00:00:00Z'), gone: undefined, list: [undefined, 1] };
    expect(JSON.parse(canonicalJson(value))).toEqual({
      when: '2025-01-01T00:00:00.000Z',
      list: [null, 1],
    });
  });

  it('refuses what JSON cannot hold faithfully', () => {
    expect(() => canonicalJson({ n: NaN })).toThrow(/not a JSON number/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
  });
});
