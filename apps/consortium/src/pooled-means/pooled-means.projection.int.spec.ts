import { LoggerService } from '@nestjs/common';
import { qualifiedTable } from '@libs/database';
import { Projection, ProjectionRunner } from '@libs/projections';
import { expectMonthByPillarToAddUp } from '@tests/consortium/pooled-means-lines';
import { openTestbed, Testbed } from '@tests/projections/testbed';
import { appendAll, coopEvents, registryEvents } from '@tests/consortium/federation-events';
import { CONSORTIUM_READ_MODELS } from '..';
import { pooledMeansProjection } from './pooled-means.projection';
import { PooledMeansQueries } from './pooled-means.queries';

const quiet: LoggerService = { log() {}, warn() {}, error() {} };

const DUES = '00000000-0000-4000-8000-000000000001';
const SOL_PLEDGE = '00000000-0000-4000-8000-000000000002';
const HOURS = '00000000-0000-4000-8000-000000000003';
const GRANT_PLEDGE = '00000000-0000-4000-8000-000000000004';
const BARTER = '00000000-0000-4000-8000-000000000005';
const ROGUE = '00000000-0000-4000-8000-000000000006';

const day = (iso: string) => new Date(`${iso}T10:00:00Z`);

describe('the pooled-means projection', () => {
  let bed: Testbed;
  let queries: PooledMeansQueries;
  const statementsPerBatch: number[] = [];
  const velo = coopEvents('velo-solidaire');
  const habitat = coopEvents('habitat-partage');
  const rogue = coopEvents('rogue-coop');

  beforeAll(async () => {
    bed = await openTestbed(CONSORTIUM_READ_MODELS.entities, CONSORTIUM_READ_MODELS.migrations);
    queries = new PooledMeansQueries(bed.dataSource);
    await appendAll(bed.store, [
      // Both coops are members; a third, never admitted, records 50,000 EUR on 1 March.
      registryEvents.coopAdmitted('velo-solidaire', 'social_coop_b'),
      registryEvents.coopAdmitted('habitat-partage', 'scic'),
      rogue.contributionRecorded(
        ROGUE,
        { unit: 'EUR', hundredths: 5_000_000 },
        { kind: 'grant', period: '2027-03', occurredAt: day('2027-03-01') },
      ),
      // 1 March: 120.50 EUR dues paid, a 40 SOL donation pledged, 3.5 hours given.
      velo.contributionRecorded(
        DUES,
        { unit: 'EUR', hundredths: 12050 },
        { kind: 'dues', period: '2027-03', theme: 'mobility', occurredAt: day('2027-03-01') },
      ),
      velo.contributionRecorded(
        SOL_PLEDGE,
        { unit: 'SOL', hundredths: 4000 },
        {
          kind: 'donation',
          period: '2027-03',
          theme: 'work',
          status: 'pledged',
          occurredAt: day('2027-03-01'),
        },
      ),
      habitat.contributionRecorded(
        HOURS,
        { unit: 'hours', hundredths: 350 },
        {
          kind: 'volunteering',
          period: '2027-02',
          theme: 'housing',
          occurredAt: day('2027-03-01'),
        },
      ),
      // 15 March: the SOL pledge is paid; a 50 EUR grant is pledged.
      velo.pledgePaid(SOL_PLEDGE, day('2027-03-15')),
      habitat.contributionRecorded(
        GRANT_PLEDGE,
        { unit: 'EUR', hundredths: 5000 },
        {
          kind: 'grant',
          period: '2027-03',
          theme: 'housing',
          status: 'pledged',
          occurredAt: day('2027-03-15'),
        },
      ),
      // 2 April: the grant pledge is cancelled; barter valued at 10 SOL is recorded paid.
      habitat.pledgeCancelled(GRANT_PLEDGE, day('2027-04-02')),
      velo.contributionRecorded(
        BARTER,
        { unit: 'SOL', hundredths: 1000 },
        { kind: 'barter', period: '2027-04', theme: 'mobility', occurredAt: day('2027-04-02') },
      ),
    ]);
    // Batches of two events, each counted: what a live projection sees, one small batch at a time.
    await project({
      ...pooledMeansProjection,
      batchSize: 2,
      async apply(events, manager) {
        const query = jest.spyOn(manager.queryRunner!, 'query');
        await pooledMeansProjection.apply(events, manager);
        statementsPerBatch.push(query.mock.calls.length);
        query.mockRestore();
      },
    });
  });

  afterAll(async () => {
    await bed.dispose();
  });

  async function project(projection: Projection): Promise<void> {
    const runner = new ProjectionRunner({
      store: bed.store,
      dataSource: bed.dataSource,
      projections: [projection],
      logger: quiet,
    });
    await runner.start();
    await runner.waitUntilCaughtUp();
    await runner.stop();
  }

  it('writes each batch with at most six statements, whatever its size', () => {
    // A read of standings, a read-and-delete of the pledges settled, inserts of ledger lines,
    // of lines kept aside, of pledges opened, an upsert of standings: each only when needed.
    expect(statementsPerBatch).toHaveLength(5);
    expect(Math.max(...statementsPerBatch)).toBeLessThanOrEqual(6);
  });

  it('keeps a coop never admitted out of every figure, and shows it apart', async () => {
    const view = await queries.asOf('2027-12-31');
    expect(view.byCoop.map((line) => line.coopId)).not.toContain('rogue-coop');
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
    ]);
    expect((await queries.asOf('2027-02-28')).notCounted).toEqual([]);
  });

  it('answers the pooled means as the board saw them at the end of each day', async () => {
    expect((await queries.asOf('2027-02-28')).totals).toEqual([
      { unit: 'EUR', pledged: '0.00', paid: '0.00' },
      { unit: 'SOL', pledged: '0.00', paid: '0.00' },
      { unit: 'hours', pledged: '0.00', paid: '0.00' },
    ]);

    const march1 = await queries.asOf('2027-03-01');
    expect(march1).toMatchObject({
      asOf: '2027-03-01',
      totals: [
        { unit: 'EUR', pledged: '0.00', paid: '120.50' },
        { unit: 'SOL', pledged: '40.00', paid: '0.00' },
        { unit: 'hours', pledged: '0.00', paid: '3.50' },
      ],
      solShare: '0.0000',
      alerts: [],
      byMonthAndPillar: [
        { month: '2027-02', pillar: 'non_monetary', unit: 'hours', pledged: '0.00', paid: '3.50' },
        { month: '2027-03', pillar: 'market', unit: 'EUR', pledged: '0.00', paid: '120.50' },
        { month: '2027-03', pillar: 'non_market', unit: 'SOL', pledged: '40.00', paid: '0.00' },
      ],
    });

    // The SOL pledge is now paid: 40 / 160.50 of the money, over 20%.
    const march15 = await queries.asOf('2027-03-15');
    expect(march15.totals).toEqual([
      { unit: 'EUR', pledged: '50.00', paid: '120.50' },
      { unit: 'SOL', pledged: '0.00', paid: '40.00' },
      { unit: 'hours', pledged: '0.00', paid: '3.50' },
    ]);
    expect(march15.solShare).toBe('0.2492');
    expect(march15.alerts).toEqual([
      expect.objectContaining({ rule: 'sol_share_at_most_20pct', status: 'alert' }),
    ]);
    expect(march15.byCoop).toEqual([
      { coopId: 'habitat-partage', unit: 'EUR', pledged: '50.00', paid: '0.00' },
      { coopId: 'habitat-partage', unit: 'hours', pledged: '0.00', paid: '3.50' },
      { coopId: 'velo-solidaire', unit: 'EUR', pledged: '0.00', paid: '120.50' },
      { coopId: 'velo-solidaire', unit: 'SOL', pledged: '0.00', paid: '40.00' },
    ]);
    // The SOL pledge moved from pledged to paid on its month and pillar; the grant is pledged.
    expect(march15.byMonthAndPillar).toEqual([
      { month: '2027-02', pillar: 'non_monetary', unit: 'hours', pledged: '0.00', paid: '3.50' },
      { month: '2027-03', pillar: 'market', unit: 'EUR', pledged: '0.00', paid: '120.50' },
      { month: '2027-03', pillar: 'non_market', unit: 'EUR', pledged: '50.00', paid: '0.00' },
      { month: '2027-03', pillar: 'non_market', unit: 'SOL', pledged: '0.00', paid: '40.00' },
    ]);

    const april = await queries.asOf('2027-12-31');
    expect(april).toEqual({
      asOf: '2027-12-31',
      totals: [
        { unit: 'EUR', pledged: '0.00', paid: '120.50' },
        { unit: 'SOL', pledged: '0.00', paid: '50.00' },
        { unit: 'hours', pledged: '0.00', paid: '3.50' },
      ],
      byPillar: [
        { pillar: 'market', unit: 'EUR', pledged: '0.00', paid: '120.50' },
        { pillar: 'non_market', unit: 'SOL', pledged: '0.00', paid: '40.00' },
        { pillar: 'non_monetary', unit: 'SOL', pledged: '0.00', paid: '10.00' },
        { pillar: 'non_monetary', unit: 'hours', pledged: '0.00', paid: '3.50' },
      ],
      byKind: [
        { kind: 'barter', unit: 'SOL', pledged: '0.00', paid: '10.00' },
        { kind: 'donation', unit: 'SOL', pledged: '0.00', paid: '40.00' },
        { kind: 'dues', unit: 'EUR', pledged: '0.00', paid: '120.50' },
        { kind: 'volunteering', unit: 'hours', pledged: '0.00', paid: '3.50' },
      ],
      byTheme: [
        { theme: 'housing', unit: 'hours', pledged: '0.00', paid: '3.50' },
        { theme: 'mobility', unit: 'EUR', pledged: '0.00', paid: '120.50' },
        { theme: 'mobility', unit: 'SOL', pledged: '0.00', paid: '10.00' },
        { theme: 'work', unit: 'SOL', pledged: '0.00', paid: '40.00' },
      ],
      byCoop: [
        { coopId: 'habitat-partage', unit: 'hours', pledged: '0.00', paid: '3.50' },
        { coopId: 'velo-solidaire', unit: 'EUR', pledged: '0.00', paid: '120.50' },
        { coopId: 'velo-solidaire', unit: 'SOL', pledged: '0.00', paid: '50.00' },
      ],
      byMonth: [
        { month: '2027-02', unit: 'hours', pledged: '0.00', paid: '3.50' },
        { month: '2027-03', unit: 'EUR', pledged: '0.00', paid: '120.50' },
        { month: '2027-03', unit: 'SOL', pledged: '0.00', paid: '40.00' },
        { month: '2027-04', unit: 'SOL', pledged: '0.00', paid: '10.00' },
      ],
      // The grant pledge, cancelled, leaves nothing on 2027-03/non_market in EUR.
      byMonthAndPillar: [
        { month: '2027-02', pillar: 'non_monetary', unit: 'hours', pledged: '0.00', paid: '3.50' },
        { month: '2027-03', pillar: 'market', unit: 'EUR', pledged: '0.00', paid: '120.50' },
        { month: '2027-03', pillar: 'non_market', unit: 'SOL', pledged: '0.00', paid: '40.00' },
        { month: '2027-04', pillar: 'non_monetary', unit: 'SOL', pledged: '0.00', paid: '10.00' },
      ],
      solShare: '0.2933',
      nonMonetaryShare: '0.0587',
      nonMonetaryAim: { aim: '0.3333', share: '0.0587', reached: false, hours: '3.50' },
      alerts: [expect.objectContaining({ rule: 'sol_share_at_most_20pct', value: '0.2933' })],
      notCounted: [expect.objectContaining({ coopId: 'rogue-coop', reason: 'not_admitted' })],
    });
  });

  it('adds up the month by pillar lines to the month lines and the pillar lines, every day', async () => {
    for (const asOf of ['2027-03-01', '2027-03-15', '2027-04-02', '2027-12-31']) {
      const view = await queries.asOf(asOf);
      expect(view.byMonthAndPillar.length).toBeGreaterThan(0);
      expectMonthByPillarToAddUp(view);
    }
  });

  it('keeps each ledger line on exactly one dimension', async () => {
    const movements = qualifiedTable(bed.dataSource, 'pooled_movements');
    await expect(
      bed.dataSource.query(
        `INSERT INTO ${movements} (recorded_on, unit, month, month_pillar, pledged, paid)
         VALUES ('2027-03-01', 'EUR', '2027-03', '2027-03/market', 0, 1)`,
      ),
    ).rejects.toThrow(/check constraint/);
    const [{ lines }]: { lines: string }[] = await bed.dataSource.query(
      `SELECT count(*) AS lines FROM ${movements} WHERE month_pillar IS NOT NULL`,
    );
    expect(Number(lines)).toBeGreaterThan(0);
  });

  it('gives each coop its contributions to date, and the SOL share to date', async () => {
    const byCoop = await queries.toDateByCoop(['velo-solidaire', 'atelier-bois']);
    expect(byCoop.get('velo-solidaire')).toEqual([
      { unit: 'EUR', pledged: '0.00', paid: '120.50' },
      { unit: 'SOL', pledged: '0.00', paid: '50.00' },
      { unit: 'hours', pledged: '0.00', paid: '0.00' },
    ]);
    expect(
      byCoop.get('atelier-bois')!.every((l) => l.pledged === '0.00' && l.paid === '0.00'),
    ).toBe(true);
    expect(await queries.solShareToDate()).toMatchObject({ value: '0.2933', status: 'alert' });
  });

  it('feeds a budget period’s income from the months it covers, barter apart', async () => {
    const income = new PooledMeansQueries(bed.dataSource);
    const none = { pledged: 0n, paid: 0n };
    expect(await income.periodIncome('2027-03-01', '2027-03-31')).toEqual({
      money: { EUR: { pledged: 0n, paid: 12050n }, SOL: { pledged: 0n, paid: 4000n } },
      nonMonetaryValuation: { EUR: none, SOL: none },
    });
    // April's 10 SOL of barter are valued in money, never money.
    expect(await income.periodIncome('2027-01-01', '2027-12-31')).toEqual({
      money: { EUR: { pledged: 0n, paid: 12050n }, SOL: { pledged: 0n, paid: 4000n } },
      nonMonetaryValuation: { EUR: none, SOL: { pledged: 0n, paid: 1000n } },
    });
  });

  it('answers every day the same after a rebuild in one big batch', async () => {
    const days = ['2027-02-28', '2027-03-01', '2027-03-15', '2027-04-02'];
    const answers = () => Promise.all(days.map((d) => queries.asOf(d)));
    const before = await answers();
    const runner = new ProjectionRunner({
      store: bed.store,
      dataSource: bed.dataSource,
      projections: [pooledMeansProjection],
      logger: quiet,
    });
    await runner.rebuild(pooledMeansProjection.name);
    expect(await answers()).toEqual(before);
  });

  it('fills the month by pillar lines in a ledger built by the previous version', async () => {
    const before = await queries.asOf('2027-12-31');
    // A data dir from before the column: the ledger without its month by pillar lines, version 1.
    await bed.dataSource.query(
      `DELETE FROM ${qualifiedTable(bed.dataSource, 'pooled_movements')} WHERE month_pillar IS NOT NULL`,
    );
    await bed.dataSource.query(
      `UPDATE ${qualifiedTable(bed.dataSource, 'projection_checkpoints')} SET version = 1
        WHERE name = $1`,
      [pooledMeansProjection.name],
    );
    expect((await queries.asOf('2027-12-31')).byMonthAndPillar).toEqual([]);
    await project(pooledMeansProjection);
    expect(await queries.asOf('2027-12-31')).toEqual(before);
  });
});
