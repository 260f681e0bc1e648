import { DataSource } from 'typeorm';

/**
 * A table of the runner's own (checkpoints, parked events), created when missing, once per
 * process.
 */
export class RunnerTable {
  private created: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly ddl: string,
  ) {}

  /** Creates the table unless this process already did (or saw it there). */
  create(): Promise<void> {
    this.created ??= this.createIfMissing().catch((error: unknown) => {
      this.created = undefined;
      throw error;
    });
    return this.created;
  }

  private async createIfMissing(): Promise<void> {
    try {
      await this.dataSource.query(this.ddl);
    } catch (error) {
      // Runners in several processes starting at once: the loser of IF NOT EXISTS gets a unique
      // violation on the catalog, and the table is there either way.
      if ((error as { code?: string }).code !== '23505') throw error;
    }
  }
}
