import { DataSource } from 'typeorm';
import { qualifiedTable } from '@libs/database';
import { ConsortiumReadModels1764300000101 } from '@tests/support/legacy-migrations/1764300000101-consortium-read-models';
import { itTakesOverReleasedMigrations } from '@tests/support/migration-split';
import { CONSORTIUM_READ_MODELS } from './read-sides';

/** A row in each table of the consortium's founding migration, as the later migrations left it. */
async function seed(db: DataSource): Promise<void> {
  const table = (name: string) => qualifiedTable(db, name);
  await db.query(`
    INSERT INTO ${table('member_coops')} (coop_id, status, name, legal_form, themes, applied_on)
    VALUES ('velo-solidaire', 'applicant', 'Velo Solidaire', 'social_coop_b', '{mobility}',
            '2027-01-10')`);
  await db.query(`
    INSERT INTO ${table('coop_members')}
      (stream_id, coop_id, member_id, status, category, disadvantaged, subscribed, paid)
    VALUES ('coop-velo-solidaire.member-1', 'velo-solidaire',
            '00000000-0000-4000-8000-000000000001', 'active', 'worker', true,
            99999999999999999999, 5000)`);
  await db.query(`
    INSERT INTO ${table('allocation_index')} (allocation_id, period_id, beneficiary_coop_id)
    VALUES ('00000000-0000-4000-8000-000000000002', '2027', 'velo-solidaire')`);
  await db.query(`
    INSERT INTO ${table('pooled_movements')} (recorded_on, unit, month_pillar, pledged, paid)
    VALUES ('2027-03-01', 'EUR', '2027-03/market', 0, 9000)`);
  await db.query(`
    INSERT INTO ${table('pooled_open_pledges')}
      (coop_id, contribution_id, unit, hundredths, pillar, kind, theme, month)
    VALUES ('velo-solidaire', '00000000-0000-4000-8000-000000000003', 'hours', 250, 'reciprocity',
            'time', 'mobility', '2027-03')`);
  await db.query(`
    INSERT INTO ${table('catalogue_resources')}
      (stream_id, coop_id, resource_id, kind, title, themes, terms, shared_on)
    VALUES ('coop-velo-solidaire.resource-4', 'velo-solidaire',
            '00000000-0000-4000-8000-000000000004', 'vehicle', 'Cargo bike', '{mobility}',
            '{"type": "free"}', '2027-02-01')`);
}

/**
 * The consortium's founding migration, split by context: every deployment records
 * `ConsortiumReadModels1764300000101`, and each context's founding migration must do nothing there.
 */
describe('the consortium’s founding migrations, one per context', () => {
  itTakesOverReleasedMigrations({
    current: CONSORTIUM_READ_MODELS.migrations,
    released: [ConsortiumReadModels1764300000101],
    takenOverBy: [
      'RegistryFounding1764300000101',
      'BudgetsFounding1764300000101',
      'PooledMeansFounding1764300000101',
      'CatalogueFounding1764300000101',
    ],
    seed,
  });
});
