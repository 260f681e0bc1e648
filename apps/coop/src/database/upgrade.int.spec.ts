import { DataSource } from 'typeorm';
import { qualifiedTable } from '@libs/database';
import { CoopReadModels1764300000001 } from '@tests/support/legacy-migrations/1764300000001-coop-read-models';
import { ExactMoneyColumns1764300000010 } from '@tests/support/legacy-migrations/1764300000010-exact-money-columns';
import { migratedSchema } from '@tests/support/migrated-schema';
import {
  itTakesOverReleasedMigrations,
  migrationsBefore,
  MigrationSplit,
} from '@tests/support/migration-split';
import { dropSchemas, randomSchema } from '@tests/projections/testbed';
import { coopReadModels } from './read-sides';

/**
 * A row in each table of the coop's founding migrations. The figures fit the columns' types
 * before and after `ExactMoneyColumns1764300000010`.
 */
async function seed(db: DataSource): Promise<void> {
  const table = (name: string) => qualifiedTable(db, name);
  const member = '00000000-0000-4000-8000-000000000001';
  await db.query(
    `INSERT INTO ${table('members')} (member_id, status, category, disadvantaged, admitted_on,
       share_count, subscribed, paid, reimbursed, personal_data, version)
     VALUES ($1, 'active', 'worker', true, '2027-01-10', 3, 15000, 5000, 0,
             '{"sealed": "c2VhbGVk"}', 4)`,
    [member],
  );
  await db.query(
    `INSERT INTO ${table('member_keys')} (key_id, member_id, key, created_at)
     VALUES ('00000000-0000-4000-8000-000000000002', $1, '\\x00ff', '2027-01-10T09:00:00Z')`,
    [member],
  );
  await db.query(`
    INSERT INTO ${table('contributions')} (contribution_id, kind, pillar, unit, hundredths, period,
      theme, status, recorded_on, version)
    VALUES ('00000000-0000-4000-8000-000000000003', 'money', 'market', 'EUR', 9000, '2027-03',
            'mobility', 'paid', '2027-03-01', 1)`);
  await db.query(`
    INSERT INTO ${table('resources')} (resource_id, kind, title, themes, terms, shared_on)
    VALUES ('00000000-0000-4000-8000-000000000004', 'vehicle', 'Cargo bike', '["mobility"]',
            '{"type": "free"}', '2027-02-01')`);
}

const split: MigrationSplit = {
  current: coopReadModels('velo-solidaire').migrations,
  released: [CoopReadModels1764300000001, ExactMoneyColumns1764300000010],
  takenOverBy: [
    'MembershipFounding1764300000001',
    'ContributionsFounding1764300000001',
    'ResourcesFounding1764300000001',
    'MembershipExactMoney1764300000010',
    'ContributionsExactMoney1764300000010',
  ],
  seed,
};

/**
 * The coop's founding migrations, split by context: every deployment records
 * `CoopReadModels1764300000001`, most `ExactMoneyColumns1764300000010` too, and each context's
 * migration must do nothing where the one it took over from ran.
 */
describe('the coop’s founding migrations, one per context', () => {
  itTakesOverReleasedMigrations(split);

  it('retypes the money columns of a database migrated before exact money', async () => {
    const url = process.env.DATABASE_URL!;
    const [deployed, fresh] = [randomSchema('split_coop'), randomSchema('split_coop')];
    // A deployment from before ExactMoneyColumns1764300000010 was released: what is older.
    const exactMoney = Number(ExactMoneyColumns1764300000010.name.slice(-13));
    const older = migrationsBefore(split).filter((m) => Number(m.name.slice(-13)) < exactMoney);
    try {
      const before = await migratedSchema(url, deployed, older, seed);
      const after = await migratedSchema(url, deployed, split.current);
      const now = await migratedSchema(url, fresh, split.current);

      expect(before.shape.columns).toContain('members.subscribed #7 int8 not null default null');
      expect(after.shape).toEqual(now.shape);
      expect(after.rows).toMatchObject(before.rows);
      expect(after.migrations).toEqual(expect.arrayContaining(split.takenOverBy));
    } finally {
      await dropSchemas(url, [deployed, fresh]);
    }
  });
});
