import { BudgetPeriodEvent, evolveBudgetPeriod } from './budget-periods';

const opened: BudgetPeriodEvent = {
  type: 'BudgetOpened',
  data: { periodId: '2027', startsOn: '2027-01-01', endsOn: '2027-12-31', openedBy: 'board-1' },
};
const closed: BudgetPeriodEvent = {
  type: 'BudgetClosed',
  data: {
    periodId: '2027',
    closedOn: '2028-04-30',
    netResult: { unit: 'EUR', hundredths: 100 },
    legalReserve: { unit: 'EUR', hundredths: 30 },
    mutualFund: { unit: 'EUR', hundredths: 3 },
    remainder: [],
  },
};

describe('the list of budget periods', () => {
  it('lists a period as open from its opening, with its dates', () => {
    expect(evolveBudgetPeriod(undefined, opened)).toEqual({
      periodId: '2027',
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      status: 'open',
    });
  });

  it('marks it closed when the year is closed, keeping its dates', () => {
    const row = evolveBudgetPeriod(undefined, opened)!;
    expect(evolveBudgetPeriod(row, closed)).toEqual({ ...row, status: 'closed' });
  });

  it('ignores a closing of a period it never saw opened', () => {
    expect(evolveBudgetPeriod(undefined, closed)).toBeNull();
  });
});
