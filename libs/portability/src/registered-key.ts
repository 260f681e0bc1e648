import { CoopAdmitted, consortiumStream, REGISTRY_AGGREGATE, REGISTRY_ID } from '@libs/contracts';
import { EventStore } from '@libs/event-store';

/**
 * The bundle-signing key the consortium recorded when it admitted the coop (`CoopAdmitted`,
 * schema version 2, in its registry stream): `undefined` when the registry never admitted the
 * coop, null when it admitted it without a key (before keys were recorded). Read from the store,
 * so that whoever can read the federation's store can check a coop's bundle without asking
 * anyone. The store's reader must register the contracts' upcasters (createEventStore does).
 */
export async function registeredCoopKey(
  store: Pick<EventStore, 'readStream'>,
  coopId: string,
): Promise<string | null | undefined> {
  let key: string | null | undefined;
  for await (const event of store.readStream(consortiumStream(REGISTRY_AGGREGATE, REGISTRY_ID))) {
    if (event.type !== 'CoopAdmitted') continue;
    const data = event.data as CoopAdmitted['data'];
    if (data.coopId === coopId) key = data.bundleKey ?? null;
  }
  return key;
}
