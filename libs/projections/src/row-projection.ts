import { ReadAllFilter } from '@libs/event-store';
import { EntityManager, EntityTarget, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
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
      for (const rows of chunks(upserts, rowsPerStatement)) {
        await manager.upsert(entity, rows as QueryDeepPartialEntity<Row>[], [id.propertyName]);
      }
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

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
