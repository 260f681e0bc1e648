import { MigrationInterface, QueryRunner } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/**
 * `incubated_projects` (filled by its projection from the start of the log) and
 * `project_contact_keys` (the keys sealing each project's contact: only here, never in the store).
 */
export class IncubatedProjects1765500000001 implements MigrationInterface {
  name = 'IncubatedProjects1765500000001';

  async up(runner: QueryRunner): Promise<void> {
    const projects = qualifiedTable(runner.connection, 'incubated_projects');
    await runner.query(`
      CREATE TABLE ${projects} (
        project_id uuid PRIMARY KEY,
        name text NOT NULL,
        themes jsonb NOT NULL,
        territory text NOT NULL,
        stage text NOT NULL,
        opened_on date NOT NULL,
        stages jsonb NOT NULL,
        contact jsonb,
        support jsonb NOT NULL,
        funds jsonb NOT NULL,
        graduation jsonb
      )`);
    await runner.query(`
      CREATE TABLE ${qualifiedTable(runner.connection, 'project_contact_keys')} (
        key_id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        key bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX ON ${qualifiedTable(runner.connection, 'project_contact_keys')} (project_id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'project_contact_keys')}`);
    await runner.query(`DROP TABLE ${qualifiedTable(runner.connection, 'incubated_projects')}`);
  }
}
