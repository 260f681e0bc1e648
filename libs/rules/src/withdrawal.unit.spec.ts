import { exitYear, leavesOn, withdrawalReviewIndicator } from './withdrawal';

describe('withdrawal (c.c. 2532)', () => {
  it('leaves at the close of the year when notice comes at least three months before, else of the next', () => {
    expect(exitYear('2026-01-01')).toBe(2026);
    expect(exitYear('2026-09-30')).toBe(2026);
    expect(exitYear('2026-10-01')).toBe(2027);
    expect(exitYear('2026-12-31')).toBe(2027);
    expect(leavesOn('2026-10-15')).toBe('2027-12-31');
  });

  it('shows the board’s 60-day review as an alert, with the days since notice', () => {
    expect(withdrawalReviewIndicator('2026-10-15', '2026-12-05')).toEqual({
      rule: 'withdrawal_review_within_60_days',
      value: '51',
      threshold: '60',
      status: 'alert',
      source: 'c.c. art. 2532',
    });
  });
});
