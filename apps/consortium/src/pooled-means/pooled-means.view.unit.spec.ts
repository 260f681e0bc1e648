import { Unit } from '@libs/contracts';
import { expectMonthByPillarToAddUp } from '@tests/consortium/pooled-means-lines';
import { PooledDimension } from './pooled-ledger';
import { pooledMeansView, PooledSum } from './pooled-means.view';

function sum(
  dimension: PooledDimension,
  key: string,
  unit: Unit,
  pledged: number | bigint,
  paid: number | bigint,
): PooledSum {
  return { dimension, key, unit, pledged: BigInt(pledged), paid: BigInt(paid) };
}

describe('GET /pooled-means from the ledger’s sums', () => {
  it('totals the month lines, EUR and SOL apart, hours as their own unit', () => {
    const view = pooledMeansView('2027-03-31', [
      sum('month', '2027-02', 'SOL', 0, 2500),
      sum('month', '2027-02', 'EUR', 4000, 2500),
      sum('month', '2027-03', 'EUR', 6000, 5000),
      sum('coopId', 'velo-solidaire', 'EUR', 10000, 7500),
    ]);
    expect(view.asOf).toBe('2027-03-31');
    expect(view.totals).toEqual([
      { unit: 'EUR', pledged: '100.00', paid: '75.00' },
      { unit: 'SOL', pledged: '0.00', paid: '25.00' },
      { unit: 'hours', pledged: '0.00', paid: '0.00' },
    ]);
  });

  it('groups lines under their key, by key then unit, leaving out groups with nothing', () => {
    const view = pooledMeansView('2027-03-31', [
      sum('coopId', 'velo-solidaire', 'hours', 0, 350),
      sum('coopId', 'velo-solidaire', 'EUR', 0, 1000),
      sum('coopId', 'habitat-partage', 'EUR', 0, 0), // a cancelled pledge, nothing left
      sum('coopId', 'atelier-bois', 'SOL', 200, 0),
      sum('month', '2027-02', 'EUR', 0, 1000),
      sum('pillar', 'market', 'EUR', 0, 1000),
      sum('kind', 'dues', 'EUR', 0, 1000),
      sum('theme', 'mobility', 'EUR', 0, 1000),
    ]);
    expect(view.byCoop).toEqual([
      { coopId: 'atelier-bois', unit: 'SOL', pledged: '2.00', paid: '0.00' },
      { coopId: 'velo-solidaire', unit: 'EUR', pledged: '0.00', paid: '10.00' },
      { coopId: 'velo-solidaire', unit: 'hours', pledged: '0.00', paid: '3.50' },
    ]);
    expect(view.byMonth).toEqual([
      { month: '2027-02', unit: 'EUR', pledged: '0.00', paid: '10.00' },
    ]);
    expect(view.byPillar).toEqual([
      { pillar: 'market', unit: 'EUR', pledged: '0.00', paid: '10.00' },
    ]);
    expect(view.byKind).toEqual([{ kind: 'dues', unit: 'EUR', pledged: '0.00', paid: '10.00' }]);
    expect(view.byTheme).toEqual([
      { theme: 'mobility', unit: 'EUR', pledged: '0.00', paid: '10.00' },
    ]);
  });

  it('breaks each month down by pillar, by month then pillar then unit, split into two fields', () => {
    const view = pooledMeansView('2027-03-31', [
      sum('monthPillar', '2027-03/non_market', 'EUR', 5000, 0),
      sum('monthPillar', '2027-03/market', 'SOL', 0, 300),
      sum('monthPillar', '2027-03/market', 'EUR', 0, 1200),
      sum('monthPillar', '2027-02/non_monetary', 'hours', 0, 350),
      sum('monthPillar', '2027-02/market', 'EUR', 0, 0), // a pledge cancelled, nothing left
      sum('month', '2027-03', 'EUR', 5000, 1200),
      sum('month', '2027-03', 'SOL', 0, 300),
      sum('month', '2027-02', 'hours', 0, 350),
      sum('pillar', 'market', 'EUR', 0, 1200),
      sum('pillar', 'market', 'SOL', 0, 300),
      sum('pillar', 'non_market', 'EUR', 5000, 0),
      sum('pillar', 'non_monetary', 'hours', 0, 350),
    ]);
    expect(view.byMonthAndPillar).toEqual([
      { month: '2027-02', pillar: 'non_monetary', unit: 'hours', pledged: '0.00', paid: '3.50' },
      { month: '2027-03', pillar: 'market', unit: 'EUR', pledged: '0.00', paid: '12.00' },
      { month: '2027-03', pillar: 'market', unit: 'SOL', pledged: '0.00', paid: '3.00' },
      { month: '2027-03', pillar: 'non_market', unit: 'EUR', pledged: '50.00', paid: '0.00' },
    ]);
    // The field order clients see in the JSON.
    expect(Object.keys(view.byMonthAndPillar[0])).toEqual([
      'month',
      'pillar',
      'unit',
      'pledged',
      'paid',
    ]);
    // Added up per month (per pillar), per unit, they are the byMonth (byPillar) lines.
    expectMonthByPillarToAddUp(view);
  });

  it('counts only money paid in the SOL share, and alerts above 20%', () => {
    const ok = pooledMeansView('2027-03-31', [
      sum('month', '2027-03', 'EUR', 0, 8000),
      sum('month', '2027-03', 'SOL', 90000, 2000), // the SOL pledge does not count
      sum('month', '2027-03', 'hours', 0, 99900),
    ]);
    expect(ok.solShare).toBe('0.2000');
    expect(ok.alerts).toEqual([]);

    const over = pooledMeansView('2027-03-31', [
      sum('month', '2027-03', 'EUR', 0, 7999),
      sum('month', '2027-03', 'SOL', 0, 2001),
    ]);
    expect(over.solShare).toBe('0.2001');
    expect(over.alerts).toEqual([
      expect.objectContaining({
        rule: 'sol_share_at_most_20pct',
        value: '0.2001',
        threshold: '0.2000',
        status: 'alert',
        source: expect.any(String),
      }),
    ]);
  });

  it('gives the share of money paid in the non-monetary pillar', () => {
    const view = pooledMeansView('2027-03-31', [
      sum('month', '2027-03', 'EUR', 0, 9000),
      sum('month', '2027-03', 'SOL', 0, 3000),
      sum('pillar', 'non_monetary', 'EUR', 0, 2000),
      sum('pillar', 'non_monetary', 'SOL', 0, 1000),
      sum('pillar', 'non_monetary', 'hours', 0, 5000),
    ]);
    expect(view.nonMonetaryShare).toBe('0.2500');
  });

  it('has no shares while no money is paid', () => {
    const view = pooledMeansView('2027-03-31', [
      sum('month', '2027-03', 'EUR', 5000, 0),
      sum('month', '2027-03', 'hours', 0, 700),
    ]);
    expect(view).toMatchObject({ solShare: null, nonMonetaryShare: null, alerts: [] });
  });

  it('writes sums past 2^53 hundredths to the cent, and their SOL share exactly', () => {
    // 100,000 contributions of 999,999,999.99 EUR, and a fifth of that in SOL.
    const eur = 99_999_999_999n * 100_000n;
    const view = pooledMeansView('2027-03-31', [
      sum('month', '2027-03', 'EUR', 0, eur),
      sum('month', '2027-03', 'SOL', 0, eur / 4n),
      sum('coopId', 'velo-solidaire', 'EUR', 0, eur),
    ]);
    expect(view.totals[0]).toEqual({ unit: 'EUR', pledged: '0.00', paid: '99999999999000.00' });
    expect(view.totals[1]).toEqual({ unit: 'SOL', pledged: '0.00', paid: '24999999999750.00' });
    expect(view.byCoop).toEqual([
      { coopId: 'velo-solidaire', unit: 'EUR', pledged: '0.00', paid: '99999999999000.00' },
    ]);
    expect(view.solShare).toBe('0.2000');
  });

  it('shows the coops kept aside apart, by coop then reason, added to no figure', () => {
    const view = pooledMeansView(
      '2027-03-31',
      [sum('month', '2027-03', 'EUR', 0, 1000)],
      [
        { coopId: 'velo-solidaire', reason: 'withdrawn', unit: 'SOL', pledged: 0n, paid: 700n },
        {
          coopId: 'rogue-coop',
          reason: 'not_admitted',
          unit: 'EUR',
          pledged: 0n,
          paid: 5_000_000n,
        },
        { coopId: 'velo-solidaire', reason: 'not_admitted', unit: 'EUR', pledged: 0n, paid: 0n },
      ],
    );
    expect(view.totals[0]).toEqual({ unit: 'EUR', pledged: '0.00', paid: '10.00' });
    expect(view.notCounted).toEqual([
      {
        coopId: 'rogue-coop',
        reason: 'not_admitted',
        totals: [
          { unit: 'EUR', pledged: '0.00', paid: '50000.00' },
          { unit: 'SOL', pledged: '0.00', paid: '0.00' },
          { unit: 'hours', pledged: '0.00', paid: '0.00' },
        ],
      },
      {
        coopId: 'velo-solidaire',
        reason: 'withdrawn',
        totals: [
          { unit: 'EUR', pledged: '0.00', paid: '0.00' },
          { unit: 'SOL', pledged: '0.00', paid: '7.00' },
          { unit: 'hours', pledged: '0.00', paid: '0.00' },
        ],
      },
    ]);
  });
});
