import { monthsAfter, typeBQuota } from './type-b-quota';

const year = (from: string, workers: number, disadvantaged: number) =>
  Array.from({ length: 12 }, (_, i) => ({ month: monthsAfter(from, i), workers, disadvantaged }));

describe('the type-B quota, as the law counts it', () => {
  it('averages the twelve months ending with the last one', () => {
    const records = [
      ...year('2025-01', 10, 3),
      { month: '2024-12', workers: 100, disadvantaged: 0 },
    ];
    expect(typeBQuota(records, '2025-12')).toEqual({ disadvantaged: 36, base: 120, months: 12 });
    // A month outside the window does not count; a window with one month is that month.
    expect(typeBQuota(records, '2024-12')).toEqual({ disadvantaged: 0, base: 100, months: 1 });
    expect(typeBQuota(records, '2023-11')).toBeNull();
  });

  it('counts the disadvantaged in the base since INPS note 967 of 24 Apr 2008, not before', () => {
    const month = (m: string) => [{ month: m, workers: 10, disadvantaged: 3 }];
    expect(typeBQuota(month('2008-04'), '2008-04')).toMatchObject({ base: 10 });
    expect(typeBQuota(month('2008-03'), '2008-03')).toMatchObject({ base: 7 });
  });

  it('steps months across years', () => {
    expect(monthsAfter('2025-01', -1)).toBe('2024-12');
    expect(monthsAfter('2025-12', 1)).toBe('2026-01');
    expect(monthsAfter('2025-12', -11)).toBe('2025-01');
  });
});
