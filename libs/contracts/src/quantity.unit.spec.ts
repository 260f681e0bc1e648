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

  it('writes a sum beyond 2^53 hundredths exactly, from a bigint', () => {
    const many = 1_000_000n * 99_999_999_999n; // a million members at the holding bound
    expect(formatHundredths(many)).toBe('999999999990000.00');
    expect(formatHundredths(-(2n ** 64n) - 7n)).toBe('-184467440737095516.23');
    expect(formatHundredths(0n)).toBe('0.00');
  });

  it('refuses a number that is not an exact integer', () => {
    expect(() => formatHundredths(0.5)).toThrow();
    expect(() => formatHundredths(2 ** 53)).toThrow();
  });

  it('round-trips', () => {
    for (const h of [0, 1, 99, 100, 123456, 71900])
      expect(parseHundredths(formatHundredths(h))).toBe(h);
  });
});
