import { DataSource } from 'typeorm';
import { dropSchemas, randomSchema } from '@tests/projections/testbed';
import { migratedSchema } from './migrated-schema';

// TypeORM's own type for migration classes.
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationClass = Function;

/** Released migrations whose work new ones took over under new names (e.g. split by context). */
export interface MigrationSplit {
  /** The app's migrations now. */
  current: MigrationClass[];
  /** The released ones, as deployments ran them (test fixtures: no app lists them any more). */
  released: MigrationClass[];
  /** The names of the ones that took over, in the order they run. */
  takenOverBy: string[];
  /** Writes rows in the released migrations' tables, as the later migrations left them. */
  seed(db: DataSource): Promise<void>;
}

/** The app's migrations as deployments ran them, before the split. */
export function migrationsBefore(split: MigrationSplit): MigrationClass[] {
  return [
    ...split.current.filter((migration) => !split.takenOverBy.includes(migration.name)),
    ...split.released,
  ];
}

/**
 * The two things a split must hold, as tests of the enclosing `describe`. TypeORM runs every
 * migration whose name it has not recorded: on a database migrated before the split, the new
 * migrations run, and must change nothing (same columns, indexes, constraints and rows) but be
 * recorded. On a fresh database they must make what the released ones made.
 */
export function itTakesOverReleasedMigrations(split: MigrationSplit): void {
  const url = process.env.DATABASE_URL!;
  const schemas: string[] = [];
  const scratchSchema = () => {
    schemas.push(randomSchema('split'));
    return schemas[schemas.length - 1];
  };
  afterAll(async () => {
    await dropSchemas(url, schemas);
  });

  it('changes nothing on a database migrated before the split, and records the new names', async () => {
    const deployed = scratchSchema();
    const before = await migratedSchema(url, deployed, migrationsBefore(split), split.seed);
    const after = await migratedSchema(url, deployed, split.current);

    expect(after.shape).toEqual(before.shape);
    expect(after.rows).toEqual(before.rows);
    expect(Object.values(before.rows).flat()).not.toHaveLength(0);
    expect(after.migrations).toEqual([...before.migrations, ...split.takenOverBy]);
  });

  it('makes on a fresh database the tables the released migrations made', async () => {
    const now = await migratedSchema(url, scratchSchema(), split.current);
    const before = await migratedSchema(url, scratchSchema(), migrationsBefore(split));

    expect(now.shape).toEqual(before.shape);
    expect(now.migrations).toEqual(expect.arrayContaining(split.takenOverBy));
  });
}
