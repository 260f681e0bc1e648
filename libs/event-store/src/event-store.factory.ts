import { CONTRACT_UPCASTERS } from '@libs/contracts';
import { EventStore } from './event-store.port';
import { EventStoreDBEventStore } from './eventstoredb/eventstoredb-event-store';
import { PostgresEventStore, SubscriptionWake } from './postgres/postgres-event-store';
import { Upcasters } from './upcaster';

export interface EventStoreOptions {
  /** Default: the contracts' own (`CONTRACT_UPCASTERS`), so every reader sees today's shapes. */
  upcasters?: Upcasters;
  /** PostgreSQL only: the schema of the events table (tests isolate themselves with their own). */
  schema?: string;
  /** PostgreSQL only: connections in the store's pool. */
  poolSize?: number;
  /** PostgreSQL only: how caught-up subscriptions learn of new events (default `notify`). */
  wake?: SubscriptionWake;
}

/** `EVENT_STORE_WAKE`: `notify` (default when unset) or `poll`; anything else is a mistake. */
export function subscriptionWake(value: string | undefined): SubscriptionWake | undefined {
  if (!value) return undefined;
  if (value === 'notify' || value === 'poll') return value;
  throw new Error(`EVENT_STORE_WAKE must be notify or poll, not "${value}"`);
}

/**
 * The adapter the URL names: `postgres://` or `postgresql://` for PostgreSQL (a real server or the
 * embedded one), `esdb://` or `esdb+discover://` for EventStoreDB. Not initialised: call `init()`.
 */
export function createEventStore(url: string, options: EventStoreOptions = {}): EventStore {
  const upcasters = options.upcasters ?? new Upcasters([...CONTRACT_UPCASTERS]);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'postgres':
    case 'postgresql':
      return new PostgresEventStore({
        connectionString: url,
        schema: options.schema,
        poolSize: options.poolSize,
        upcasters,
        wake: options.wake,
      });
    case 'esdb':
    case 'esdb+discover':
      return new EventStoreDBEventStore({ connectionString: url, upcasters });
    default:
      throw new Error(
        `no event store for ${scheme ? `"${scheme}://" URLs` : 'a URL without a scheme'}: ` +
          'use postgres:// (or postgresql://) for PostgreSQL, esdb:// (or esdb+discover://) for EventStoreDB',
      );
  }
}
