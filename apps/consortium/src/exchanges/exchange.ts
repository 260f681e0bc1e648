import {
  consortiumStream,
  EXCHANGE_AGGREGATE,
  ExchangeEvent,
  ExchangeKind,
  Theme,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';

/** Hours one coop gave another, confirmed by the receiver or not yet. */
export interface Exchange {
  exchangeId: string;
  fromCoopId: string;
  toCoopId: string;
  /** Hundredths of an hour (`bigint` column: read back as a string). */
  hours: string;
  kind: ExchangeKind;
  theme: Theme;
  on: string;
  note: string | null;
  confirmedOn: string | null;
}

export const EXCHANGE_EVENT_TYPES = [
  'HoursGiven',
  'HoursConfirmed',
] as const satisfies ExchangeEvent['type'][];

/** The exchange an event is about, when it lies on that exchange's stream. */
export function exchangeOf(event: RecordedEvent): string | null {
  const { exchangeId } = event.data as { exchangeId?: unknown };
  return typeof exchangeId === 'string' &&
    event.streamId === consortiumStream(EXCHANGE_AGGREGATE, exchangeId)
    ? exchangeId
    : null;
}

export function evolveExchange(
  exchange: Exchange | undefined,
  recorded: RecordedEvent,
): Exchange | null {
  const event = recorded as unknown as ExchangeEvent;
  switch (event.type) {
    case 'HoursGiven':
      return { ...event.data, hours: String(event.data.hours), confirmedOn: null };
    case 'HoursConfirmed':
      return exchange ? { ...exchange, confirmedOn: event.data.confirmedOn } : null;
  }
}
