import { illFormedText } from './ill-formed-text';
import { nestsDeeperThan } from './nesting-depth';

describe('nestsDeeperThan', () => {
  it('given JSON at the limit, when read, then it passes; one level more does not', () => {
    expect(nestsDeeperThan('{"a":[[1]]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[[[1]]]}', 3)).toBe(true);
  });

  it('given brackets and escaped quotes inside strings, when read, then they are text, not depth', () => {
    expect(nestsDeeperThan('{"a":"[[[[{{{{\\"[[[["}', 1)).toBe(false);
  });

  it('given 100,000 levels, when read, then it answers without a stack to blow', () => {
    expect(nestsDeeperThan('['.repeat(100_000) + ']'.repeat(100_000), 32)).toBe(true);
  });
});

describe('illFormedText', () => {
  it('given well-formed text, emoji (a surrogate pair) included, when walked, then nothing', () => {
    expect(illFormedText({ name: 'Vélo 🚲', lines: [{ label: 'ok' }], n: 3 })).toEqual([]);
  });

  it('given a NUL and lone surrogates at any depth, when walked, then each is named by its path', () => {
    const body = {
      name: 'a\u0000b',
      shares: { nominalValue: { currency: 'EUR\ud800' } },
      lines: [{ label: 'ok' }, { label: '\udc00' }],
    };
    expect(illFormedText(body)).toEqual(
      expect.arrayContaining([
        { field: 'name', message: expect.stringContaining('NUL') },
        { field: 'shares.nominalValue.currency', message: expect.stringContaining('surrogate') },
        { field: 'lines.1.label', message: expect.stringContaining('surrogate') },
      ]),
    );
    expect(illFormedText(body)).toHaveLength(3);
  });

  it('given a bad key, when walked, then the key is named, its bad characters replaced', () => {
    expect(illFormedText({ 'x\u0000': 1 })).toEqual([
      { field: 'x\ufffd', message: expect.stringContaining('its name') },
    ]);
  });
});
