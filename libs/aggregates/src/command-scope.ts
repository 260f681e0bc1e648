import { DomainEvent, SchemaVersions } from '@libs/contracts';

/**
 * How one app names the streams its commands write and stamps their events: a coop app writes only
 * its own coop's streams, the consortium only its own. Each app provides it as `COMMAND_SCOPE`.
 */
export interface CommandScope {
  streamOf(aggregate: string, id: string): string;
  /** The coop the events concern: the coop app's own; for the consortium, the command's `aboutCoop`. */
  coopIdOf(aboutCoop: string | null | undefined): string | null;
  schemaVersions: SchemaVersions<DomainEvent>;
}

export const COMMAND_SCOPE = Symbol('COMMAND_SCOPE');
