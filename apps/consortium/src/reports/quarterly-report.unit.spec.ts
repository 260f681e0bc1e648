import { quarterBooks, quarterTotals } from './quarterly-report';

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

describe('the quarter’s own income and disbursements', () => {
  it('given income by kind and payments by theme, totals them per currency, exactly', () => {
    const books = quarterBooks({
      income: [
        { kind: 'donation', currency: 'EUR', movements: 2, hundredths: 9_007_199_254_740_993n },
        { kind: 'grant', currency: 'EUR', movements: 1, hundredths: 1_00n },
        { kind: 'sales', currency: 'SOL', movements: 3, hundredths: 30_05n },
      ],
      disbursed: [
        { theme: 'mobility', currency: 'EUR', movements: 2, hundredths: 50_00n },
        { theme: null, currency: 'EUR', movements: 1, hundredths: 1n },
      ],
    });
    expect(books.totals).toEqual([
      { currency: 'EUR', received: '90071992547410.93', disbursed: '50.01' },
      { currency: 'SOL', received: '30.05', disbursed: '0.00' },
    ]);
    expect(books.income[0]).toEqual({
      kind: 'donation',
      currency: 'EUR',
      movements: 2,
      amount: '90071992547409.93',
    });
    expect(books.disbursements[1]).toEqual({
      theme: null,
      currency: 'EUR',
      disbursements: 1,
      amount: '0.01',
    });
  });

  it('given none, is zero in each currency', () => {
    expect(quarterBooks({ income: [], disbursed: [] }).totals).toEqual([
      { currency: 'EUR', received: '0.00', disbursed: '0.00' },
      { currency: 'SOL', received: '0.00', disbursed: '0.00' },
    ]);
  });
});
