import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  Column,
  DataSource,
  Entity,
  MigrationInterface,
  PrimaryGeneratedColumn,
  QueryRunner,
} from 'typeorm';
import { createDataSource, quoteIdentifier, typeOrmModuleOptions } from './data-source';

@Entity({ name: 'shared_resources' })
class SharedResource {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  kind!: string;
}

class CreateSharedResources1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const table = `${quoteIdentifier(queryRunner.connection.driver.schema!)}.shared_resources`;
    await queryRunner.query(
      `CREATE TABLE ${table} (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind text NOT NULL)`,
    );
    // A seed row: were the migration run twice, it would show twice.
    await queryRunner.query(`INSERT INTO ${table} (kind) VALUES ('space')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE ${quoteIdentifier(queryRunner.connection.driver.schema!)}.shared_resources`,
    );
  }
}

const url = process.env.DATABASE_URL!;
const schema = `ds_${randomBytes(4).toString('hex')}`;
const config = {
  url,
  schema,
  entities: [SharedResource],
  migrations: [CreateSharedResources1700000000000],
};

afterAll(async () => {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
  await client.end();
});

describe('createDataSource', () => {
  it('creates its schema, runs pending migrations once, and maps entities there', async () => {
    const first = await createDataSource(config).initialize();
    await first.getRepository(SharedResource).save({ kind: 'vehicle' });
    await first.destroy();

    const second = await createDataSource(config).initialize();
    try {
      const kinds = (await second.getRepository(SharedResource).find()).map((r) => r.kind).sort();
      expect(kinds).toEqual(['space', 'vehicle']);
      const [{ count }] = await second.query(
        `SELECT count(*)::int AS count FROM ${quoteIdentifier(schema)}.migrations`,
      );
      expect(count).toBe(1);
    } finally {
      await second.destroy();
    }
  });

  it('gives a Nest app the same DataSource through TypeOrmModule', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [TypeOrmModule.forRootAsync(typeOrmModuleOptions(() => config))],
    }).compile();
    await moduleRef.init();
    try {
      const dataSource = moduleRef.get(DataSource);
      const resources = await dataSource.getRepository(SharedResource).findBy({ kind: 'space' });
      expect(resources).toHaveLength(1);
      expect(resources[0].id).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await moduleRef.close();
    }
  });
});
