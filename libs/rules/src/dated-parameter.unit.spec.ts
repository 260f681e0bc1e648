import { dated, valueOn } from './dated-parameter';
import { RULE_BOOK } from './rule-book';

describe('dated parameters', () => {
  const cap = RULE_BOOK.member_holding_maximum.parameters![0].values;

  it('takes the value in force on the date of the fact', () => {
    expect(valueOn(cap, '2024-10-17')).toBe(100_000_00);
    expect(valueOn(cap, '2024-10-18')).toBe(143_800_00);
    expect(valueOn(cap, '2027-01-01')).toBe(143_800_00);
  });

  it('refuses two values for one date', () => {
    expect(() =>
      dated({ since: '2024-01-01', value: 1 }, { since: '2024-01-01', value: 2 }),
    ).toThrow();
  });
});
