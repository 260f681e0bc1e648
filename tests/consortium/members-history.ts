import { PostgresEventStore } from '@libs/event-store';
import { DATABASE_URL, TestSchemas } from '../support/apps';
import { appendInBulk } from './bulk-append';
import { appendAll, coopEvents, registryEvents, StreamEvent } from './federation-events';

/**
 * A fresh store holding the history of member coops: each describes itself as a type-B social
 * coop, applies and is admitted by the board, then `events` follow (written in bulk, as the coop
 * apps would have appended them).
 */
export async function writeMembersHistory(
  schemas: TestSchemas,
  coopIds: string[],
  events: StreamEvent[],
): Promise<void> {
  const store = new PostgresEventStore({
    connectionString: DATABASE_URL,
    schema: schemas.eventStore,
    poolSize: 1,
  });
  try {
    await store.init();
    await appendAll(
      store,
      coopIds.flatMap((coopId) => [
        coopEvents(coopId).profileSet('social_coop_b'),
        coopEvents(coopId).applied(),
        registryEvents.coopAdmitted(coopId, 'social_coop_b'),
      ]),
    );
  } finally {
    await store.close();
  }
  await appendInBulk(DATABASE_URL, schemas.eventStore, events);
}
