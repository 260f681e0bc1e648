import { CommandScope } from '@libs/aggregates';
import {
  CONSORTIUM_SCHEMA_VERSIONS,
  consortiumStream,
  DomainEvent,
  SchemaVersions,
} from '@libs/contracts';

/**
 * The consortium's commands write only its own streams (never a coop's); `aboutCoop` stamps the
 * events with the coop they concern, so that the coop's export carries the consortium's
 * decisions about it.
 */
export const CONSORTIUM_COMMAND_SCOPE: CommandScope = {
  streamOf: consortiumStream,
  coopIdOf: (aboutCoop) => aboutCoop ?? null,
  schemaVersions: CONSORTIUM_SCHEMA_VERSIONS as SchemaVersions<DomainEvent>,
};
