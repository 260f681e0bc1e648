import { quarterTotals } from './quarterly-report';

describe('the quarter’s totals', () => {
  it('given month lines in several units, adds them unit by unit, exactly', () => {
    const byMonth = [
      { month: '2027-01', unit: 'EUR' as const, pledged: '0.10', paid: '9007199254740993.01' },
      { month: '2027-02', unit: 'EUR' as const, pledged: '0.20', paid: '0.99' },
      { month: '2027-02', unit: 'hours' as const, pledged: '0.00', paid: '1.50' },
      { month: '2027-03', unit: 'SOL' as const, pledged: '3.00', paid: '-1.00' },
    ];
    expect(quarterTotals(byMonth)).toEqual([
      { unit: 'EUR', pledged: '0.30', paid: '9007199254740994.00' },
      { unit: 'SOL', pledged: '3.00', paid: '-1.00' },
      { unit: 'hours', pledged: '0.00', paid: '1.50' },
    ]);
  });

  it('given no month line, is zero in each unit', () => {
    expect(quarterTotals([])).toEqual([
      { unit: 'EUR', pledged: '0.00', paid: '0.00' },
      { unit: 'SOL', pledged: '0.00', paid: '0.00' },
      { unit: 'hours', pledged: '0.00', paid: '0.00' },
    ]);
  });
});
