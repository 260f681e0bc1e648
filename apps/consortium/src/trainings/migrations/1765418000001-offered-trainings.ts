import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/** `offered_trainings`, filled by its projection from the start of the log. */
export class OfferedTrainings1765418000001 implements MigrationInterface {
  name = 'OfferedTrainings1765418000001';

  async up(runner: QueryRunner): Promise<void> {
    const table = qualifiedTable(runner.connection, 'offered_trainings');
    await runner.query(`
      CREATE TABLE ${table} (
        stream_id text PRIMARY KEY,
        training_id uuid NOT NULL,
        coop_id text NOT NULL,
        title text NOT NULL,
        theme text NOT NULL,
        starts_at text NOT NULL,
        hours bigint NOT NULL,
        places int NOT NULL,
        enrolled int NOT NULL,
        price jsonb NOT NULL,
        language text NOT NULL,
        offered_on date NOT NULL
      )`);
    await runner.query(`CREATE INDEX ON ${table} (starts_at, stream_id)`);
    await runner.query(`CREATE INDEX ON ${table} (training_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'offered_trainings')}`);
  }
}
