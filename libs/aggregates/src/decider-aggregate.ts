import { randomUUID } from 'node:crypto';
import { DomainEvent, SchemaVersions } from '@libs/contracts';
import { EventMetadata } from '@libs/event-store';
import { Decider } from './decider';
import { StreamEvent } from './stream-event';

/** What `execute` stamps on every event it produces. */
export interface EventStamp<Event extends DomainEvent> {
  metadata: EventMetadata;
  schemaVersions: SchemaVersions<Event>;
}

/**
 * An aggregate whose behaviour is a Decider: history is folded with `evolve`, commands are decided
 * with `decide`, and the new events are stamped with their stream, version and envelope for the
 * repository to append.
 */
export class DeciderAggregate<State, Command, Event extends DomainEvent> {
  private currentState: State;
  private currentVersion = 0;
  private loadedVersion = 0;

  constructor(
    readonly streamId: string,
    private readonly decider: Decider<State, Command, Event>,
  ) {
    this.currentState = decider.initialState();
  }

  get state(): State {
    return this.currentState;
  }

  /** The stream's version including the events not appended yet. */
  get version(): number {
    return this.currentVersion;
  }

  /** The stream's version as it was read: the version the append expects to find. */
  get storedVersion(): number {
    return this.loadedVersion;
  }

  /** Folds recorded events (in stream order) into the state. */
  loadFromHistory(history: StreamEvent<Event>[]): void {
    for (const event of history) {
      this.currentState = this.decider.evolve(this.currentState, event);
      this.currentVersion = event.streamVersion;
    }
    this.loadedVersion = this.currentVersion;
  }

  /**
   * Decides the command against the current state; the new events are folded in. A refusal (a DomainError from `decide`) changes nothing.
   */
  execute(command: Command, stamp: EventStamp<Event>): StreamEvent<Event>[] {
    const decided = this.decider.decide(command, this.currentState);
    const occurredAt = new Date();
    return decided.map((event) => {
      const recorded: StreamEvent<Event> = {
        ...event,
        eventId: randomUUID(),
        streamId: this.streamId,
        streamVersion: this.currentVersion + 1,
        schemaVersion: stamp.schemaVersions[event.type as Event['type']],
        occurredAt,
        metadata: stamp.metadata,
      };
      this.currentState = this.decider.evolve(this.currentState, recorded);
      this.currentVersion = recorded.streamVersion;
      return recorded;
    });
  }
}
