import {
  eventTypeFilter,
  excludeSystemEvents,
  Filter,
  streamNameFilter,
} from '@eventstore/db-client';
import { CONSORTIUM_STREAM_PREFIX, coopStreamPrefix } from '@libs/contracts';
import { RecordedEvent } from '../envelope';
import { ReadAllFilter } from '../event-store.port';

/**
 * The server-side filter for a subscription. EventStoreDB filters on one thing only, the event
 * type or the stream name, and only by prefix or regular expression, so this only narrows what
 * travels over the wire; `matchesFilter` then decides exactly, on the client.
 *
 * Which one: event types when given (projections ask for a few types out of many), else the
 * stream prefix, else the coop's streams plus the consortium's (a coop's events live under
 * `coop/<coopId>/`, and consortium streams may hold events about that coop, told apart by their
 * metadata). With nothing to narrow on, system events are still kept off the wire.
 */
export function serverFilterOf(filter: ReadAllFilter = {}): Filter {
  if (filter.eventTypes !== undefined && filter.eventTypes.length > 0) {
    return eventTypeFilter({ prefixes: [...filter.eventTypes] });
  }
  if (filter.streamPrefix !== undefined) {
    return streamNameFilter({ prefixes: [filter.streamPrefix] });
  }
  if (filter.coopId !== undefined) {
    return streamNameFilter({
      prefixes: [coopStreamPrefix(filter.coopId), CONSORTIUM_STREAM_PREFIX],
    });
  }
  return excludeSystemEvents();
}

/**
 * Whether an event of this stream and type can pass the filter, judged before its envelope is
 * read: the exact test on types and stream prefix, and for a coop the same narrowing to its
 * streams and the consortium's as on the server, so that a read and a subscription with the
 * same filter see the same events, and an event outside the filter is never parsed.
 */
export function mayMatch(streamId: string, type: string, filter: ReadAllFilter = {}): boolean {
  if (filter.eventTypes !== undefined && !filter.eventTypes.includes(type)) return false;
  if (filter.streamPrefix !== undefined && !streamId.startsWith(filter.streamPrefix)) return false;
  if (filter.coopId !== undefined) {
    return (
      streamId.startsWith(coopStreamPrefix(filter.coopId)) ||
      streamId.startsWith(CONSORTIUM_STREAM_PREFIX)
    );
  }
  return true;
}

/** The exact filter, as the port defines it: every given criterion must hold. */
export function matchesFilter(event: RecordedEvent, filter: ReadAllFilter = {}): boolean {
  if (filter.coopId !== undefined && event.metadata.coopId !== filter.coopId) return false;
  if (filter.eventTypes !== undefined && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefix !== undefined && !event.streamId.startsWith(filter.streamPrefix)) {
    return false;
  }
  return true;
}
