import { quoteIdentifier } from '@libs/database';
import { Checkpoint, START } from '@libs/event-store';
import { DataSource, EntityManager } from 'typeorm';
import { RunnerTable } from './runner-table';

/** Where a projection stands: the last event whose effects are committed in its read model. */
export interface StoredCheckpoint {
  name: string;
  /** The projection version that built the rows. */
  version: number;
  checkpoint: Checkpoint;
  /** The highest global position among the events applied (0 before the first), for lag reports. */
  position: number;
}

/** Another runner moved the checkpoint since this one read it: its batch must not commit. */
export class CheckpointMovedError extends Error {
  constructor(readonly projection: string) {
    super(
      `projection ${projection}: its checkpoint moved under this runner (another runner on the same read model?)`,
    );
    this.name = 'CheckpointMovedError';
  }
}

/**
 * The `projection_checkpoints` table, in the read-model database beside the rows it vouches for,
 * so that rows and checkpoint commit in one transaction.
 */
export class CheckpointStore {
  private readonly table: string;
  private readonly runnerTable: RunnerTable;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
  ) {
    this.table = `${quoteIdentifier(schema)}.projection_checkpoints`;
    this.runnerTable = new RunnerTable(
      dataSource,
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         name text PRIMARY KEY,
         version integer NOT NULL,
         checkpoint text NOT NULL,
         position bigint NOT NULL,
         updated_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  /** Creates the table unless this store already did (or saw it there). */
  createTable(): Promise<void> {
    return this.runnerTable.create();
  }

  /** The projection's checkpoint, created at the start for a projection never run before. */
  async read(manager: EntityManager, name: string, version: number): Promise<StoredCheckpoint> {
    await manager.query(
      `INSERT INTO ${this.table} (name, version, checkpoint, position) VALUES ($1, $2, $3, 0)
       ON CONFLICT (name) DO NOTHING`,
      [name, version, START],
    );
    const rows: { version: number; checkpoint: string; position: string }[] = await manager.query(
      `SELECT version, checkpoint, position FROM ${this.table} WHERE name = $1`,
      [name],
    );
    return {
      name,
      version: rows[0].version,
      checkpoint: rows[0].checkpoint,
      position: Number(rows[0].position),
    };
  }

  /** Back to the start, built by `version`: for a rebuild, in the transaction that empties the rows. */
  async reset(manager: EntityManager, name: string, version: number): Promise<StoredCheckpoint> {
    await manager.query(
      `INSERT INTO ${this.table} (name, version, checkpoint, position) VALUES ($1, $2, $3, 0)
       ON CONFLICT (name) DO UPDATE
       SET version = excluded.version, checkpoint = excluded.checkpoint, position = 0, updated_at = now()`,
      [name, version, START],
    );
    return { name, version, checkpoint: START, position: 0 };
  }

  /**
   * Moves the checkpoint from where this runner read it to the batch's last event. Runs first in
   * the batch's transaction: the row lock it takes makes a second runner of the same projection
   * wait, then fail here instead of applying the batch again.
   */
  async advance(
    manager: EntityManager,
    from: StoredCheckpoint,
    to: StoredCheckpoint,
  ): Promise<void> {
    const result = await manager.queryRunner!.query(
      `UPDATE ${this.table} SET checkpoint = $1, position = $2, updated_at = now()
       WHERE name = $3 AND version = $4 AND checkpoint = $5`,
      [to.checkpoint, to.position, from.name, from.version, from.checkpoint],
      true,
    );
    if (result.affected !== 1) throw new CheckpointMovedError(from.name);
  }

  /**
   * Takes the projection's checkpoint row lock, without moving it, for work on its rows outside
   * the log's order (retrying parked events): the projection's batches wait meanwhile. Refuses
   * when the rows were built by another version of the projection.
   */
  async lock(manager: EntityManager, name: string, version: number): Promise<void> {
    const rows: { version: number }[] = await manager.query(
      `SELECT version FROM ${this.table} WHERE name = $1 FOR UPDATE`,
      [name],
    );
    if (rows.length === 0) throw new Error(`projection ${name} has never run here`);
    if (rows[0].version !== version) {
      throw new Error(
        `projection ${name}: the read model is at version ${rows[0].version}, this runner's is ${version}`,
      );
    }
  }

  /** Every stored checkpoint, by projection name. */
  async all(): Promise<Map<string, StoredCheckpoint>> {
    await this.createTable();
    const rows: { name: string; version: number; checkpoint: string; position: string }[] =
      await this.dataSource.query(`SELECT name, version, checkpoint, position FROM ${this.table}`);
    return new Map(rows.map((r) => [r.name, { ...r, position: Number(r.position) }]));
  }
}
