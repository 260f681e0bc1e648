import { backupEventStore, restoreEventStore, Upcasters } from '@libs/event-store';
import { createEventStore } from '@libs/event-store/event-store.factory';
import { operatorDatabase } from './connection';

type Print = (line: string) => void;

/**
 * `backup <file>` and `restore <file>`: the whole event store (EVENT_STORE_URL or DATABASE_URL,
 * EVENT_STORE_SCHEMA), every event as recorded. Read models are not in it: they are rebuilt from
 * the events. Members' keys are not either: they live in each coop app's own tables.
 */
export async function backupCommand(
  command: 'backup' | 'restore',
  file: string,
  print: Print,
): Promise<void> {
  const database = await operatorDatabase();
  // No upcasters: events are saved and restored as recorded, old schema versions included.
  const store = createEventStore(process.env.EVENT_STORE_URL || database.url, {
    schema: process.env.EVENT_STORE_SCHEMA || undefined,
    upcasters: new Upcasters(),
  });
  try {
    await store.init();
    if (command === 'backup') {
      const { events, lastPosition, sha256 } = await backupEventStore(store, file);
      print(`backed up ${events} events (up to position ${lastPosition}) to ${file}`);
      print(`sha256 of the events: ${sha256}`);
      return;
    }
    const { events, streams } = await restoreEventStore(store, file);
    print(`restored ${events} events in ${streams} streams from ${file}`);
    print(
      'now rebuild the views: npm run cli -- projections rebuild --app consortium (and --app coop --coop <coopId> for each coop app)',
    );
  } finally {
    await store.close();
    await database.stop();
  }
}
