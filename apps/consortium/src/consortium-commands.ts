import { Injectable } from '@nestjs/common';
import { CONSORTIUM_SCHEMA_VERSIONS, ConsortiumEvent, consortiumStream } from '@libs/contracts';
import { AggregateRepository, Decider, HandleResult } from '@libs/aggregates';
import { CommandMeta } from '@libs/api-conventions';

/**
 * The one way the consortium app changes anything: a command against one of the consortium's own
 * aggregates (it never writes a coop's streams). `aboutCoop` stamps the events with the coop they
 * concern, so that the coop's export carries the consortium's decisions about it.
 */
@Injectable()
export class ConsortiumCommands {
  constructor(private readonly repository: AggregateRepository) {}

  run<State, Command, Event extends ConsortiumEvent>(
    aggregate: string,
    id: string,
    decider: Decider<State, Command, Event>,
    command: Command,
    meta: CommandMeta,
    aboutCoop: string | null = null,
    options: { maxAttempts?: number } = {},
  ): Promise<HandleResult<Event, State>> {
    return this.repository.handle(consortiumStream(aggregate, id), decider, command, {
      coopId: aboutCoop,
      actor: meta.actor,
      correlationId: meta.correlationId,
      expectedVersion: meta.expectedVersion,
      schemaVersions: CONSORTIUM_SCHEMA_VERSIONS,
      ...options,
    });
  }

  async load<State, Command, Event extends ConsortiumEvent>(
    aggregate: string,
    id: string,
    decider: Decider<State, Command, Event>,
  ): Promise<{ state: State; version: number }> {
    const loaded = await this.repository.load(consortiumStream(aggregate, id), decider);
    return { state: loaded.state, version: loaded.version };
  }
}
