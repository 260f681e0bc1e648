import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { DomainEvent, SchemaVersions } from '@libs/contracts';
import {
  EVENT_STORE,
  EventStore,
  inSpan,
  NewEvent,
  NO_STREAM,
  WrongExpectedVersionError,
} from '@libs/event-store';
import { ConcurrencyConflict, PreconditionFailed } from './concurrency-errors';
import { Decider } from './decider';
import { DeciderAggregate } from './decider-aggregate';
import { StreamEvent } from './stream-event';

/** Who asks, on whose behalf and why: stamped on every event the command produces. */
export interface CommandContext<Event extends DomainEvent> {
  /** The coop the stream belongs to; null for the consortium's own streams. */
  coopId: string | null;
  actor: string;
  correlationId: string;
  /** Defaults to the correlation id (the request itself caused the events). */
  causationId?: string;
  /** The version the client last saw (`If-Match`): the command applies only if it still holds. */
  expectedVersion?: number;
  schemaVersions: SchemaVersions<Event>;
  /**
   * The command creates the aggregate under an id just chosen: decide on the initial state
   * without reading the stream (one round trip fewer); should the stream exist after all, the
   * append fails on NO_STREAM and the command is decided again on the real state.
   */
  creates?: boolean;
  /**
   * How many times to decide the command before answering 409, for a stream many clients write
   * at once (one training's places): each attempt lets at least one writer through.
   */
  maxAttempts?: number;
}

export interface HandleResult<Event extends DomainEvent, State = unknown> {
  /** The events the command recorded (none when it changed nothing). */
  events: StreamEvent<Event>[];
  /** The stream's version afterwards: the resource's ETag. */
  version: number;
  /** The aggregate's state with those events: what to answer with, without loading it again. */
  state: State;
}

export interface AggregateRepositoryOptions {
  /** How many times a command is decided before a version conflict is answered 409. */
  maxAttempts?: number;
}

export const AGGREGATE_REPOSITORY_OPTIONS = Symbol('AGGREGATE_REPOSITORY_OPTIONS');

const DEFAULT_MAX_ATTEMPTS = 3;

const tracer = trace.getTracer('@libs/aggregates');
// At debug level, one line per recorded command: with the request's correlation id, the trail
// from a request to the stream it changed.
const logger = new Logger('AggregateRepository');

/**
 * Runs a command against one aggregate: read its stream, fold, decide, append with the version
 * read. When another writer moved the stream in between, the command is decided again on the new state, a bounded number of times.
 */
@Injectable()
export class AggregateRepository {
  private readonly maxAttempts: number;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(AGGREGATE_REPOSITORY_OPTIONS) options?: AggregateRepositoryOptions,
  ) {
    this.maxAttempts = options?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  }

  /** The aggregate as its stream stands now (version 0 and the initial state if it has none). */
  async load<State, Command, Event extends DomainEvent>(
    streamId: string,
    decider: Decider<State, Command, Event>,
  ): Promise<DeciderAggregate<State, Command, Event>> {
    const history: StreamEvent<Event>[] = [];
    // The store hands back current shapes (upcast on read): this is where they become typed.
    for await (const event of this.store.readStream(streamId))
      history.push(event as unknown as StreamEvent<Event>);
    const aggregate = new DeciderAggregate(streamId, decider);
    aggregate.loadFromHistory(history);
    return aggregate;
  }

  /**
   * Runs in a `command <type>` span (a child of the request's when tracing is on), the parent of
   * the append's.
   */
  handle<State, Command, Event extends DomainEvent>(
    streamId: string,
    decider: Decider<State, Command, Event>,
    command: Command,
    context: CommandContext<Event>,
  ): Promise<HandleResult<Event, State>> {
    const type = (command as { type?: unknown }).type;
    return inSpan(
      tracer,
      `command ${typeof type === 'string' ? type : 'unnamed'}`,
      {
        attributes: { 'command.stream': streamId, 'command.correlation_id': context.correlationId },
      },
      () => this.decideAndAppend(streamId, decider, command, context),
    );
  }

  private async decideAndAppend<State, Command, Event extends DomainEvent>(
    streamId: string,
    decider: Decider<State, Command, Event>,
    command: Command,
    context: CommandContext<Event>,
  ): Promise<HandleResult<Event, State>> {
    for (let attempt = 1; ; attempt++) {
      const aggregate =
        attempt === 1 && context.creates
          ? new DeciderAggregate(streamId, decider)
          : await this.load(streamId, decider);
      if (context.expectedVersion !== undefined && aggregate.version !== context.expectedVersion) {
        throw new PreconditionFailed(streamId, context.expectedVersion, aggregate.version);
      }
      const events = aggregate.execute(command, {
        metadata: {
          coopId: context.coopId,
          actor: context.actor,
          correlationId: context.correlationId,
          causationId: context.causationId ?? context.correlationId,
        },
        schemaVersions: context.schemaVersions,
      });
      if (events.length === 0)
        return { events, version: aggregate.version, state: aggregate.state };

      try {
        const stored = aggregate.storedVersion;
        const appended = await this.store.appendToStream(
          streamId,
          events.map(toNewEvent),
          stored === 0 ? NO_STREAM : stored,
        );
        logger.debug(
          `${events.map((event) => event.type).join(', ')} recorded in ${streamId} (version ${appended.nextExpectedVersion})`,
        );
        return { events, version: appended.nextExpectedVersion, state: aggregate.state };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (context.expectedVersion !== undefined) {
          throw new PreconditionFailed(streamId, context.expectedVersion, error.actual);
        }
        if (attempt >= (context.maxAttempts ?? this.maxAttempts))
          throw new ConcurrencyConflict(streamId, attempt);
      }
    }
  }
}

function toNewEvent<Event extends DomainEvent>(event: StreamEvent<Event>): NewEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt,
  };
}
