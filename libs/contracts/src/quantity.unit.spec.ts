import { formatHundredths, parseHundredths } from './quantity';

describe('decimal amounts', () => {
  it.each([
    ['0', 0],
    ['25', 2500],
    ['120.5', 12050],
    ['120.50', 12050],
    ['0.01', 1],
    ['999999999999.99', 99999999999999],
  ])('reads %s as %d hundredths', (text, hundredths) => {
    expect(parseHundredths(text)).toBe(hundredths);
  });

  it.each(['', '-1', '1.234', '01', '1e3', ' 1', '1,5', 'NaN', '1.', '.5', '1000000000000'])(
    'refuses %p',
    (text) => {
      expect(parseHundredths(text)).toBeNull();
    },
  );

  it('writes two decimals, signs included', () => {
    expect(formatHundredths(12050)).toBe('120.50');
    expect(formatHundredths(7)).toBe('0.07');
    expect(formatHundredths(-500)).toBe('-5.00');
  });

  it('writes sums past 2^53 hundredths exactly, given as bigints', () => {
    // 100,000 amounts of 999,999,999.99: no float holds this to the cent.
    expect(formatHundredths(99_999_999_999n * 100_000n)).toBe('99999999999000.00');
    expect(formatHundredths(-(2n ** 64n) - 7n)).toBe('-184467440737095516.23');
    expect(formatHundredths(12050n)).toBe('120.50');
    expect(() => formatHundredths(2 ** 53 + 2)).toThrow(/not an integer amount/);
  });

  it('round-trips', () => {
    for (const h of [0, 1, 99, 100, 123456, 71900])
      expect(parseHundredths(formatHundredths(h))).toBe(h);
  });
});
