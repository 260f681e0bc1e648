import { DataSource } from 'typeorm';
import { qualifiedTable } from '@libs/database';
import { ConsortiumReadModels1764300000101 } from '@tests/support/legacy-migrations/1764300000101-consortium-read-models';
import { migratedSchema } from '@tests/support/migrated-schema';
import { dropSchemas, randomSchema } from '@tests/projections/testbed';
import { CONSORTIUM_READ_MODELS } from './read-sides';

/** What took over `ConsortiumReadModels1764300000101`, one founding migration per context. */
const SPLIT = [
  'RegistryFounding1764300000101',
  'BudgetsFounding1764300000101',
  'PooledMeansFounding1764300000101',
  'CatalogueFounding1764300000101',
];
const current = CONSORTIUM_READ_MODELS.migrations;
/** The app's migrations as deployments ran them, before the split. */
const previous = [
  ...current.filter((migration) => !SPLIT.includes(migration.name)),
  ConsortiumReadModels1764300000101,
];

/** A row in each of the founding tables, as the later migrations left them. */
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
            99999999999999999999.5, 5000)`);
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
 * The consortium's founding migration, split by context: on a database that ran it, the split
 * changes nothing; on a fresh one, it makes the same tables.
 */
describe('the consortium’s founding migrations, one per context', () => {
  const url = process.env.DATABASE_URL!;
  const schemas: string[] = [];
  const schema = () => {
    schemas.push(randomSchema('upgrade_consortium'));
    return schemas[schemas.length - 1];
  };

  afterAll(async () => {
    await dropSchemas(url, schemas);
  });

  it('change nothing where the single founding migration ran, and are recorded as run', async () => {
    const deployed = schema();
    const before = await migratedSchema(url, deployed, previous, seed);
    const after = await migratedSchema(url, deployed, current);

    expect(after.shape).toEqual(before.shape);
    expect(after.rows).toEqual(before.rows);
    expect(Object.values(after.rows).flat()).toHaveLength(6);
    expect(after.migrations).toEqual([...before.migrations, ...SPLIT]);
  });

  it('make the same tables as the single founding migration did on a fresh database', async () => {
    const split = await migratedSchema(url, schema(), current);
    const single = await migratedSchema(url, schema(), previous);

    expect(split.shape).toEqual(single.shape);
    expect(split.shape.columns).toContain(
      "pooled_movements.id #1 int8 not null default nextval('<schema>.pooled_movements_id_seq'::regclass)",
    );
  });
});
