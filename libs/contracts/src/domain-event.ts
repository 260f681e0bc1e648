/**
 * A domain event as the domain code sees it: its type and its payload. The store wraps it in an
 * envelope (`@libs/event-store`), adding ids, versions, positions and metadata.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** The current schema version of each event type; readers upcast older ones to it. */
export type SchemaVersions<E extends DomainEvent> = { [T in E['type']]: number };
