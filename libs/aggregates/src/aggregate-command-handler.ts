import { Inject, Injectable } from '@nestjs/common';
import { ICommandHandler } from '@nestjs/cqrs';
import { DomainEvent, SchemaVersions } from '@libs/contracts';
import { AggregateCommand } from './aggregate-command';
import { AggregateRepository, HandleResult } from './aggregate-repository';
import { COMMAND_SCOPE, CommandScope } from './command-scope';
import { Decider } from './decider';

/**
 * The one handler shape of every aggregate: load its stream, decide with the pure decider, append
 * with the version read (a bounded number of retries when another writer got in between; see
 * `AggregateRepository`). An aggregate's handler names its aggregate and decider, nothing more
 * (see `handlerOf`).
 */
@Injectable()
export abstract class AggregateCommandHandler<
  State,
  Command,
  Event extends DomainEvent,
> implements ICommandHandler<AggregateCommand<Command, State, Event>, HandleResult<Event, State>> {
  abstract readonly aggregate: string;
  abstract readonly decider: Decider<State, Command, Event>;

  constructor(
    private readonly repository: AggregateRepository,
    @Inject(COMMAND_SCOPE) private readonly scope: CommandScope,
  ) {}

  execute(message: AggregateCommand<Command, State, Event>): Promise<HandleResult<Event, State>> {
    const { id, command, caller, options } = message;
    return this.repository.handle(this.scope.streamOf(this.aggregate, id), this.decider, command, {
      coopId: this.scope.coopIdOf(options.aboutCoop),
      actor: caller.actor,
      correlationId: caller.correlationId,
      expectedVersion: caller.expectedVersion,
      schemaVersions: this.scope.schemaVersions as SchemaVersions<Event>,
      creates: options.creates,
      maxAttempts: options.maxAttempts,
    });
  }

  /** The aggregate's current state and version, straight from its stream (never stale). */
  async current(id: string): Promise<{ state: State; version: number }> {
    const loaded = await this.repository.load(
      this.scope.streamOf(this.aggregate, id),
      this.decider,
    );
    return { state: loaded.state, version: loaded.version };
  }
}

/**
 * The handler class of one aggregate, for `@CommandHandler(…)`:
 * `export class ContributionHandler extends handlerOf(CONTRIBUTION_AGGREGATE, contributionDecider) {}`.
 */
export function handlerOf<State, Command, Event extends DomainEvent>(
  aggregate: string,
  decider: Decider<State, Command, Event>,
) {
  class AggregateHandler extends AggregateCommandHandler<State, Command, Event> {
    readonly aggregate = aggregate;
    readonly decider = decider;
  }
  return AggregateHandler;
}
