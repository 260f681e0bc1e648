import { OperatorFunction, filter } from 'rxjs';
import { DomainEvent } from '@libs/contracts';
import { StreamEvent } from './stream-event';

/**
 * Picks events of the given types from the EventBus. `@EventsHandler` routes by event class, and
 * our events are plain objects, so in-process reactions (sagas, `eventBus.pipe`) filter by `type`.
 */
export function ofEventType<Event extends DomainEvent, Type extends Event['type']>(
  ...types: Type[]
): OperatorFunction<unknown, StreamEvent<Extract<Event, { type: Type }>>> {
  const wanted = new Set<string>(types);
  return filter(
    (event): event is StreamEvent<Extract<Event, { type: Type }>> =>
      isStreamEvent(event) && wanted.has(event.type),
  );
}

function isStreamEvent(event: unknown): event is StreamEvent {
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof (event as StreamEvent).type === 'string' &&
    typeof (event as StreamEvent).streamId === 'string'
  );
}
