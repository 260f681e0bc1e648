import { isQuarter, quarterOf } from './quarter';

describe('a quarter', () => {
  it('holds its three months, from the first day of the first to the last day of the third', () => {
    expect(quarterOf('2027-Q1')).toEqual({
      id: '2027-Q1',
      months: ['2027-01', '2027-02', '2027-03'],
      firstDay: '2027-01-01',
      lastDay: '2027-03-31',
    });
    expect(quarterOf('2028-Q2').lastDay).toBe('2028-06-30');
    expect(quarterOf('2027-Q3').months).toEqual(['2027-07', '2027-08', '2027-09']);
    expect(quarterOf('2027-Q4')).toMatchObject({ firstDay: '2027-10-01', lastDay: '2027-12-31' });
  });

  it('is written YYYY-Qn, n from 1 to 4', () => {
    expect(['2027-Q1', '0001-Q4'].every(isQuarter)).toBe(true);
    expect(
      ['2027-Q0', '2027-Q5', '2027Q1', '27-Q1', '2027-q1', '2027-Q1 ', 2027].some(isQuarter),
    ).toBe(false);
  });
});
