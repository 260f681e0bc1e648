import { Command } from '@nestjs/cqrs';
import { DomainEvent } from '@libs/contracts';
import { HandleResult } from './aggregate-repository';

/** Who asks and which version they saw (the API's `CommandMeta` has this shape). */
export interface CommandCaller {
  actor: string;
  correlationId: string;
  /** The version the client last saw (`If-Match`): the command applies only if it still holds. */
  expectedVersion?: number;
}

export interface AggregateCommandOptions {
  /** The command creates the aggregate under an id just chosen (see `CommandContext.creates`). */
  creates?: boolean;
  /** For a stream many clients write at once (see `CommandContext.maxAttempts`). */
  maxAttempts?: number;
  /** The coop the events concern, for an app whose streams are not a coop's own (the consortium). */
  aboutCoop?: string | null;
}

/**
 * A command for one aggregate, as a controller or a service sends it on the `CommandBus`: the
 * aggregate's id, the decider's command, who asks. Each aggregate has its own subclass, which
 * routes it to that aggregate's handler (see `AggregateCommandHandler`).
 */
export abstract class AggregateCommand<
  Decided,
  State = unknown,
  Event extends DomainEvent = DomainEvent,
> extends Command<HandleResult<Event, State>> {
  constructor(
    readonly id: string,
    readonly command: Decided,
    readonly caller: CommandCaller,
    readonly options: AggregateCommandOptions = {},
  ) {
    super();
  }
}
