import { ReadAllFilter } from '@libs/event-store';
import { qualifiedTable, quoteIdentifier } from '@libs/database';
import { EntityManager, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { Projection } from './projection';
import { Evolve, foldRows, keyEvents, RowKeys, touchedKeys } from './row-fold';

/**
 * A projection written as a pure fold over rows of one entity: say which rows an event touches
 * (`key`) and what each becomes (`evolve`); the runner does the SQL, batch-wise.
 */
export interface RowProjectionDefinition<Row extends ObjectLiteral> {
  name: string;
  version: number;
  filter?: ReadAllFilter;
  eventTypes?: string[];
  batchSize?: number;
  /** The read-model table, as a TypeORM entity with a single primary column (the key). */
  entity: EntityTarget<Row>;
  key: RowKeys;
  evolve: Evolve<Row>;
  /** Creates the table when it is not made by a migration. */
  setup?(manager: EntityManager): Promise<void>;
}

// PostgreSQL takes at most 65535 bind parameters in one statement.
const MAX_PARAMETERS = 60_000;

/**
 * Per batch: one SELECT of every touched row, the fold in memory, then one bulk upsert and one
 * delete (more only for batches whose rows exceed the bind-parameter limit).
 */
export function rowProjection<Row extends ObjectLiteral>(
  definition: RowProjectionDefinition<Row>,
): Projection {
  const { entity, key, evolve } = definition;
  return {
    name: definition.name,
    version: definition.version,
    filter: definition.filter,
    eventTypes: definition.eventTypes,
    batchSize: definition.batchSize,
    setup: definition.setup,

    async reset(manager) {
      await manager.clear(entity);
    },

    async apply(events, manager) {
      const keyed = keyEvents(events, key);
      const keys = touchedKeys(keyed);
      if (keys.length === 0) return;
      const id = primaryColumn(manager, entity);
      const whereIdIn = (ids: string[]) =>
        ({ [id.propertyName]: In(ids) }) as FindOptionsWhere<Row>;

      const before = new Map<string, Row>();
      for (const ids of chunks(keys, MAX_PARAMETERS)) {
        for (const row of await manager.findBy(entity, whereIdIn(ids))) {
          before.set(String(id.getEntityValue(row)), row);
        }
      }

      const { upserts, deletes } = foldRows(before, keyed, evolve);
      const rowsPerStatement = Math.max(
        1,
        Math.floor(MAX_PARAMETERS / id.entityMetadata.columns.length),
      );
      for (const rows of chunks(upserts, rowsPerStatement)) await upsert(manager, id, rows);
      for (const ids of chunks(deletes, MAX_PARAMETERS)) {
        await manager.delete(entity, whereIdIn(ids));
      }
    },
  };
}

function primaryColumn(manager: EntityManager, entity: EntityTarget<ObjectLiteral>) {
  const metadata = manager.connection.getMetadata(entity);
  if (metadata.primaryColumns.length !== 1) {
    throw new Error(
      `row projection on ${metadata.tableName}: needs exactly one primary column, the row key`,
    );
  }
  return metadata.primaryColumns[0];
}

/**
 * What `manager.upsert(entity, rows, [key])` runs, values mapped by TypeORM's driver as it maps
 * them (transformers, JSON, dates), without its query builder, which took longer to build the
 * statement for a batch than PostgreSQL took to run it. As TypeORM does: an undefined value is
 * the column's DEFAULT, and a conflict overwrites every column that some row of the batch sets.
 */
async function upsert(manager: EntityManager, id: ColumnMetadata, rows: ObjectLiteral[]) {
  const { driver } = manager.connection;
  const metadata = id.entityMetadata;
  const columns = metadata.columns.filter(
    (column) =>
      column.isInsert && !(column.isGenerated && column.generationStrategy === 'increment'),
  );
  const parameters: unknown[] = [];
  const values = rows.map((row) => {
    const list = columns.map((column) => {
      const value: unknown = driver.preparePersistentValue(column.getEntityValue(row), column);
      if (value === undefined) return 'DEFAULT';
      parameters.push(value);
      return `$${parameters.length}`;
    });
    return `(${list.join(', ')})`;
  });
  const overwritten = columns.filter(
    (column) =>
      column === id ||
      (column.isUpdate &&
        !column.generatedType &&
        rows.some((row) => column.getEntityValue(row) !== undefined)),
  );
  const name = (column: ColumnMetadata) => quoteIdentifier(column.databaseName);
  await manager.query(
    `INSERT INTO ${qualifiedTable(manager.connection, metadata.tableName)}
       (${columns.map(name).join(', ')}) VALUES ${values.join(', ')}
     ON CONFLICT (${name(id)}) DO UPDATE SET
       ${overwritten.map((column) => `${name(column)} = EXCLUDED.${name(column)}`).join(', ')}`,
    parameters,
  );
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
