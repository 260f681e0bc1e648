import { randomUUID } from 'node:crypto';
import { LoggerService } from '@nestjs/common';
import { coopStream } from '@libs/contracts';
import { quoteIdentifier } from '@libs/database';
import { ANY, NewEvent } from '@libs/event-store';
import { Column, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { contribution, ContributionReceived } from '@tests/projections/coop-funds.fixture';
import { openTestbed, Testbed } from '@tests/projections/testbed';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { rowProjection } from './row-projection';

@Entity({ name: 'coop_balances' })
class CoopBalance {
  @PrimaryColumn('text', { name: 'coop_id' })
  coopId!: string;

  @Column('int')
  balance!: number;

  @Column('int')
  contributions!: number;

  @Column('uuid', { name: 'last_event_id' })
  lastEventId!: string;
}

class CreateCoopBalances1700000000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE ${quoteIdentifier(queryRunner.connection.driver.schema!)}.coop_balances (
         coop_id text PRIMARY KEY, balance int NOT NULL, contributions int NOT NULL, last_event_id uuid NOT NULL)`,
    );
  }

  async down(): Promise<void> {}
}

const COOP_WITHDREW = 'CoopWithdrew';

const balances = rowProjection<CoopBalance>({
  name: 'coop-balances',
  version: 1,
  eventTypes: ['ContributionReceived', COOP_WITHDREW],
  batchSize: 40,
  entity: CoopBalance,
  key: (event) => event.metadata.coopId,
  evolve: (row, event, coopId) => {
    if (event.type === COOP_WITHDREW) return null;
    const { amount } = event.data as ContributionReceived;
    return {
      coopId,
      balance: (row?.balance ?? 0) + amount,
      contributions: (row?.contributions ?? 0) + 1,
      lastEventId: event.eventId,
    };
  },
});

const quiet: LoggerService = { log() {}, warn() {}, error() {} };

describe('rowProjection', () => {
  let bed: Testbed;

  beforeAll(async () => {
    bed = await openTestbed([CoopBalance], [CreateCoopBalances1700000000001]);
  });

  afterAll(async () => {
    await bed.dispose();
  });

  async function append(coopId: string, events: NewEvent[]): Promise<void> {
    await bed.store.appendToStream(coopStream(coopId, 'fund', randomUUID()), events, ANY);
  }

  it('folds events into rows with one read and at most one upsert and one delete per batch', async () => {
    const expected = new Map<string, CoopBalance>();
    for (let round = 0; round < 10; round++) {
      for (const coopId of [
        'velo-solidaire',
        'habitat-partage',
        'epicerie-du-coin',
        'atelier-bois',
      ]) {
        const events = Array.from({ length: 8 }, (_, i) => contribution(coopId, round * 10 + i));
        await append(coopId, events);
        const row = expected.get(coopId);
        expected.set(coopId, {
          coopId,
          balance: (row?.balance ?? 0) + events.reduce((sum, e) => sum + e.data.amount, 0),
          contributions: (row?.contributions ?? 0) + events.length,
          lastEventId: events[events.length - 1].eventId,
        });
      }
    }
    await append('atelier-bois', [{ ...contribution('atelier-bois', 0), type: COOP_WITHDREW }]);
    expected.delete('atelier-bois');
    await append('velo-solidaire', [
      { ...contribution('velo-solidaire', 0), type: 'MemberAdmitted' },
    ]);

    const statementsPerBatch: number[] = [];
    const counted: Projection = {
      ...balances,
      async apply(events, manager) {
        const query = jest.spyOn(manager.queryRunner!, 'query');
        await balances.apply(events, manager);
        statementsPerBatch.push(query.mock.calls.length);
        query.mockRestore();
      },
    };
    const runner = new ProjectionRunner({
      store: bed.store,
      dataSource: bed.dataSource,
      projections: [counted],
      logger: quiet,
    });
    await runner.start();
    await runner.waitUntilCaughtUp();

    const rows = await bed.dataSource.getRepository(CoopBalance).find({ order: { coopId: 'ASC' } });
    expect(rows.map((r) => ({ ...r }))).toEqual(
      [...expected.values()].sort((a, b) => (a.coopId < b.coopId ? -1 : 1)),
    );
    // 321 events in batches of 40: 9 batches, each read once and written once (the last also deletes).
    expect(statementsPerBatch).toHaveLength(9);
    expect(Math.max(...statementsPerBatch)).toBeLessThanOrEqual(3);

    await runner.rebuild('coop-balances');
    expect(
      await bed.dataSource.getRepository(CoopBalance).find({ order: { coopId: 'ASC' } }),
    ).toEqual(rows);
    await runner.stop();
  });
});
