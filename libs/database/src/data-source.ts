import type { TypeOrmModuleAsyncOptions } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource, DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

/**
 * A TypeORM DataSource on PostgreSQL (real or the embedded PGlite): the read-model side of an app.
 * Tables come from migrations only (`synchronize` is off), and the migrations run on initialize.
 */
export interface DatabaseConfig {
  url: string;
  /** Where the app's tables and its `migrations` table live; created when missing. Default: the search path's. */
  schema?: string;
  // Matches TypeORM's own option types, where classes are plain `Function`s.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /**
   * Connections in the pool. Small by default: PGlite serves one session and runs one query at a
   * time whatever the pool, and a real server gains little from more per app process.
   */
  poolSize?: number;
}

export const DEFAULT_POOL_SIZE = 4;

export function dataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.url,
    schema: config.schema,
    entities: config.entities,
    migrations: config.migrations,
    migrationsRun: true,
    synchronize: false,
    // gen_random_uuid() is built in since PostgreSQL 13 and PGlite ships pgcrypto; uuid-ossp is not there.
    uuidExtension: 'pgcrypto',
    poolSize: config.poolSize ?? DEFAULT_POOL_SIZE,
  };
}

/**
 * A DataSource that creates its schema before TypeORM connects: TypeORM creates its `migrations`
 * table in the configured schema but never the schema itself.
 */
export class PostgresDataSource extends DataSource {
  override async initialize(): Promise<this> {
    const { url, schema } = this.options as { url?: string; schema?: string };
    if (schema && url) await createSchemaIfMissing(url, schema);
    return super.initialize();
  }
}

/** Not initialized yet: call `initialize()` to connect and run the pending migrations. */
export function createDataSource(config: DatabaseConfig): PostgresDataSource {
  return new PostgresDataSource(dataSourceOptions(config));
}

/**
 * `TypeOrmModule.forRootAsync(typeOrmModuleOptions(...))`: the same DataSource inside a Nest app,
 * config built by a factory that may inject (e.g. a config service).
 */
export function typeOrmModuleOptions<Deps extends unknown[]>(
  config: (...deps: Deps) => DatabaseConfig | Promise<DatabaseConfig>,
  inject: TypeOrmModuleAsyncOptions['inject'] = [],
): TypeOrmModuleAsyncOptions {
  return {
    inject,
    useFactory: async (...deps: unknown[]) => dataSourceOptions(await config(...(deps as Deps))),
    dataSourceFactory: async (options) => {
      if (!options) throw new Error('typeOrmModuleOptions: no DataSource options');
      return new PostgresDataSource(options);
    },
  };
}

async function createSchemaIfMissing(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  } catch (error) {
    // Two processes creating it at once: PostgreSQL's IF NOT EXISTS is not atomic, the loser gets
    // a unique violation, and the schema is there either way.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

/** A SQL identifier, quoted so that any name (mixed case, dashes) is taken as written. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
