import { exclusionDates, withdrawalDates } from './member-exit';

describe('when a leaving member exits and is reimbursed', () => {
  it('a withdrawal with three months of notice ends mutual relations at the close of the year', () => {
    expect(withdrawalDates('2027-09-30')).toEqual({
      effectiveOn: '2027-12-31',
      // accounts of 2027 approved by 2028-04-30 at the latest, + 180 days
      reimbursementDueOn: '2028-10-27',
    });
  });

  it('a withdrawal with less notice ends them at the close of the next year', () => {
    expect(withdrawalDates('2027-10-01').effectiveOn).toBe('2028-12-31');
    expect(withdrawalDates('2027-10-01').reimbursementDueOn).toBe('2029-10-27');
  });

  it('counts 180 days from the actual approval of the accounts when it is known', () => {
    expect(withdrawalDates('2027-03-01', '2028-04-15').reimbursementDueOn).toBe('2028-10-12');
  });

  it('refuses accounts approved before the exit year has closed', () => {
    // Notice given in March 2027: out at the close of 2027, so the 2027 accounts count.
    expect(() => withdrawalDates('2027-03-01', '2027-04-30')).toThrow(
      expect.objectContaining({ rule: 'accounts_approved_after_exit_year' }),
    );
    expect(() => exclusionDates('2027-06-15', '2027-12-31')).toThrow(
      expect.objectContaining({ rule: 'accounts_approved_after_exit_year' }),
    );
    expect(exclusionDates('2027-06-15', '2028-01-01').reimbursementDueOn).toBe('2028-06-29');
  });

  it('an exclusion is effective at once', () => {
    expect(exclusionDates('2027-06-15')).toEqual({
      effectiveOn: '2027-06-15',
      reimbursementDueOn: '2028-10-27',
    });
  });
});
