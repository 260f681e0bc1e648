import { CommandScope } from '@libs/aggregates';
import { COOP_SCHEMA_VERSIONS, coopStream, SchemaVersions, DomainEvent } from '@libs/contracts';

/**
 * The coop app's commands write only its own coop's streams: the stream name is built here from
 * COOP_ID, never from the request.
 */
export function coopCommandScope(coopId: string): CommandScope {
  return {
    streamOf: (aggregate, id) => coopStream(coopId, aggregate, id),
    coopIdOf: () => coopId,
    schemaVersions: COOP_SCHEMA_VERSIONS as SchemaVersions<DomainEvent>,
  };
}
