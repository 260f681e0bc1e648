import { Inject, Injectable } from '@nestjs/common';
import { COOP_SCHEMA_VERSIONS, CoopEvent, coopStream } from '@libs/contracts';
import { AggregateRepository, Decider, HandleResult } from '@libs/aggregates';
import { CommandMeta } from '@libs/api-conventions';
import { COOP_ID } from './coop-id';

/**
 * The one way a bounded context of the coop app changes anything: a command against one aggregate
 * of this coop, stamped with who asked and the version they saw. A coop app writes only its own
 * coop's streams: the stream name is built here from COOP_ID, never from the request.
 */
@Injectable()
export class CoopCommands {
  constructor(
    private readonly repository: AggregateRepository,
    @Inject(COOP_ID) readonly coopId: string,
  ) {}

  run<State, Command, Event extends CoopEvent>(
    aggregate: string,
    id: string,
    decider: Decider<State, Command, Event>,
    command: Command,
    meta: CommandMeta,
    options: { creates?: boolean } = {},
  ): Promise<HandleResult<Event, State>> {
    return this.repository.handle(coopStream(this.coopId, aggregate, id), decider, command, {
      ...options,
      coopId: this.coopId,
      actor: meta.actor,
      correlationId: meta.correlationId,
      expectedVersion: meta.expectedVersion,
      schemaVersions: COOP_SCHEMA_VERSIONS,
    });
  }

  /** The aggregate's current state and version, straight from its stream (never stale). */
  async load<State, Command, Event extends CoopEvent>(
    aggregate: string,
    id: string,
    decider: Decider<State, Command, Event>,
  ): Promise<{ state: State; version: number }> {
    const loaded = await this.repository.load(coopStream(this.coopId, aggregate, id), decider);
    return { state: loaded.state, version: loaded.version };
  }
}
