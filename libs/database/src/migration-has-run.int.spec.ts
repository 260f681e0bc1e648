import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { dataSourceOptions, PostgresDataSource, quoteIdentifier } from './data-source';
import { migrationHasRun } from './migration-has-run';

class Released1700000000000 implements MigrationInterface {
  name = 'Released1700000000000';
  async up(): Promise<void> {}
  async down(): Promise<void> {}
}

/** What `migrationHasRun` said, asked from a migration run after the released one. */
let answers: Record<string, boolean> = {};

class TakesOver1700000000001 implements MigrationInterface {
  name = 'TakesOver1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    for (const name of ['Released1700000000000', 'NeverReleased1700000000002'])
      answers[name] = await migrationHasRun(runner, name);
  }
  async down(): Promise<void> {}
}

const url = process.env.DATABASE_URL!;
const schemas: string[] = [];

afterAll(async () => {
  const client = new Client({ connectionString: url });
  await client.connect();
  for (const schema of schemas)
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
  await client.end();
});

/** Each in a schema of its own, where another schema of the database may hold another record. */
async function migrate(
  migrations: (new () => MigrationInterface)[],
  schema: string,
  migrationsTableName?: string,
): Promise<void> {
  const options = dataSourceOptions({ url, schema, entities: [], migrations });
  const db = new PostgresDataSource({ ...options, migrationsTableName });
  await db.initialize();
  await db.destroy();
}

describe('migrationHasRun', () => {
  beforeEach(() => {
    answers = {};
  });

  it.each([
    ['the default migrations table', undefined],
    ['a migrations table of another name', 'schema_history'],
  ])('reads the records of its own schema, in %s', async (_, migrationsTableName) => {
    const released = `mhr_${randomBytes(4).toString('hex')}`;
    const fresh = `mhr_${randomBytes(4).toString('hex')}`;
    schemas.push(released, fresh);

    await migrate([Released1700000000000], released, migrationsTableName);
    await migrate([Released1700000000000, TakesOver1700000000001], released, migrationsTableName);
    expect(answers).toEqual({ Released1700000000000: true, NeverReleased1700000000002: false });

    answers = {};
    await migrate([TakesOver1700000000001], fresh, migrationsTableName);
    expect(answers).toEqual({ Released1700000000000: false, NeverReleased1700000000002: false });
  });
});
